package io.midback.protocol;

import io.midback.sensor.SampleSink;

/**
 * Decodes i2cdevlib MPU-6050 DMP "teapot" packets (the MPU6050_DMP6 example's OUTPUT_TEAPOT):
 *
 * <pre>
 *  +-----+------+-------+-------+-------+-------+------+---------+----+----+
 *  | '$' | 0x02 | w     | x     | y     | z     | 0x00 | counter | \r | \n |   w..z int16 big-endian, 1.0 = 16384
 *  +-----+------+-------+-------+-------+-------+------+---------+----+----+
 * </pre>
 *
 * These packets carry orientation only, no accelerometer or gyroscope: each quaternion goes to the
 * {@link OrientationListener}; the {@link SampleSink} receives no samples (only {@code end()}). The 8-bit
 * packet counter finds lost packets ({@link DecoderStats#samplesLost()}). No timestamps: packet k is at k / rate
 * (lost packets included). No checksum: the fixed bytes are the only check.
 */
public final class TeapotDecoder extends ImuDecoder {
    private final double periodS;
    private final byte[] buf = new byte[14];
    private int n;
    private boolean started;
    private int lastCounter;
    private long index;

    public TeapotDecoder(SampleSink sink, double rateHz) {
        super(sink);
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("teapot packets carry no timestamps: give the packet rate in Hz (--rate)");
        }
        this.periodS = 1.0 / rateHz;
    }

    @Override
    public WireFormat format() {
        return WireFormat.TEAPOT;
    }

    @Override
    protected void decode(byte[] bytes, int off, int len) {
        byte[] b = buf;
        for (int i = off, end = off + len; i < end; i++) {
            b[n++] = bytes[i];
            while (n > 0) {
                if (b[0] != '$' || (n >= 2 && b[1] != 0x02)) {
                    drop(1);
                    stats.bytesSkipped++;
                    continue;
                }
                if (n < 14) {
                    break;
                }
                if (b[10] == 0 && b[12] == '\r' && b[13] == '\n') {
                    packet();
                    n = 0;
                } else {
                    stats.framesCorrupt++;
                    stats.bytesSkipped++;
                    drop(1);
                }
            }
        }
    }

    @Override
    protected void finish() {
        stats.bytesSkipped += n;
        n = 0;
    }

    private void drop(int k) {
        n -= k;
        System.arraycopy(buf, k, buf, 0, n);
    }

    private double q(int i) {
        return (short) ((buf[i] & 0xFF) << 8 | (buf[i + 1] & 0xFF)) / 16384.0;
    }

    private void packet() {
        stats.framesOk++;
        int counter = buf[11] & 0xFF;
        if (started) {
            int lost = (counter - lastCounter - 1) & 0xFF;
            stats.samplesLost += lost;
            index += 1 + lost;
        }
        started = true;
        lastCounter = counter;
        stats.orientations++;
        orientation.onQuaternion(index * periodS, q(2), q(4), q(6), q(8));
    }
}
