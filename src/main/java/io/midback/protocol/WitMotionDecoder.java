package io.midback.protocol;

import io.midback.sensor.SampleSink;

import static io.midback.protocol.ImuUnits.G_MPS2;
import static io.midback.protocol.ImuUnits.RAD_PER_DEG;

/**
 * Decodes WitMotion output: standard 11-byte frames and the 20-byte BLE packet.
 *
 * <pre>
 *  standard:  +----+----+-----+-----+-----+-----+----+      TT 0x51 acceleration  v/32768·16 g  (d4 temperature)
 *             | 55 | TT | d1  | d2  | d3  | d4  | CS |         0x52 angular rate  v/32768·2000 °/s
 *             +----+----+-----+-----+-----+-----+----+         0x53 roll pitch yaw v/32768·180 °
 *              int16 little-endian; CS = (sum of bytes 0..9) &amp; 0xFF   0x54 magnetometer, 0x59 quaternion v/32768
 *  BLE:       55 61 ax ay az wx wy wz roll pitch yaw   (20 bytes, int16 LE, same scales, no checksum)
 * </pre>
 *
 * A sample is one cycle of frames (0x51 acceleration and 0x52 angular rate, plus 0x54 magnetometer when
 * present). The device sends a cycle's frames in ascending type order, so a frame type not above the previous
 * one starts a new cycle and a sample is never built from two cycles; the decoder also learns the cycle's last
 * type and emits as soon as it arrives. A cycle missing acceleration or angular rate (a corrupt frame) yields no sample, but still
 * advances the clock. WitMotion frames carry no device time: sample k is at k / rate. BLE packets have no
 * checksum: one is accepted when the next packet's 0x55 follows it (or the stream ends), so the last packet of
 * a live stream waits for the next one.
 */
public final class WitMotionDecoder extends ImuDecoder {
    private static final double ACC = 16.0 / 32768.0 * G_MPS2;
    private static final double GYRO = 2000.0 / 32768.0 * RAD_PER_DEG;
    private static final double ANGLE = 180.0 / 32768.0;

    private final double periodS;
    private final byte[] buf = new byte[21];
    private int n;

    // the cycle being gathered
    private int seenMask;
    private int lastType = -1;
    private int cycleEndType = -1;
    private boolean hasAcc;
    private boolean hasGyro;
    private boolean hasMag;
    private double ax, ay, az, gx, gy, gz, mx, my, mz;
    private long cycle;

    /** @param rateHz output rate set on the device (WitMotion frames carry no time) */
    public WitMotionDecoder(SampleSink sink, double rateHz) {
        super(sink);
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("WitMotion frames carry no timestamps: give the output rate in Hz (--rate)");
        }
        this.periodS = 1.0 / rateHz;
    }

    @Override
    public WireFormat format() {
        return WireFormat.WITMOTION;
    }

    @Override
    protected void decode(byte[] bytes, int off, int len) {
        byte[] b = buf;
        for (int i = off, end = off + len; i < end; i++) {
            b[n++] = bytes[i];
            scan(false);
        }
    }

    @Override
    protected void finish() {
        scan(true);
        stats.bytesSkipped += n;
        n = 0;
        closeCycle();
    }

    /** Consumes every complete frame at the start of the buffer; leaves a partial frame waiting. */
    private void scan(boolean atEnd) {
        byte[] b = buf;
        while (n > 0) {
            if (b[0] != 0x55) {
                drop(1);
                stats.bytesSkipped++;
                continue;
            }
            if (n < 2) {
                return;
            }
            int type = b[1] & 0xFF;
            if (type >= 0x50 && type <= 0x5F) {
                if (n < 11) {
                    return;
                }
                int sum = 0;
                for (int k = 0; k < 10; k++) {
                    sum += b[k];
                }
                if ((sum & 0xFF) == (b[10] & 0xFF)) {
                    standard(type);
                    drop(11);
                } else {
                    stats.framesCorrupt++;
                    stats.bytesSkipped++;
                    drop(1);
                }
            } else if (type == 0x61 || type == 0x71) {
                if (n < 21 && !(atEnd && n == 20)) {
                    return;
                }
                if (n == 20 || b[20] == 0x55) {
                    stats.framesOk++;
                    if (type == 0x61) {
                        ble();
                    } else {
                        stats.unknownMessages++;
                    }
                    drop(20);
                } else {
                    stats.framesCorrupt++;
                    stats.bytesSkipped++;
                    drop(1);
                }
            } else {
                stats.bytesSkipped++;
                drop(1);
            }
        }
    }

    private void drop(int k) {
        n -= k;
        System.arraycopy(buf, k, buf, 0, n);
    }

    private double word(int i) {
        return (short) ((buf[2 + 2 * i] & 0xFF) | buf[3 + 2 * i] << 8);
    }

    private void standard(int type) {
        stats.framesOk++;
        int bit = 1 << (type - 0x50);
        if (seenMask != 0 && type <= lastType) {
            // WitMotion sends a cycle's frames in ascending type order: a type not above the last starts a new one
            cycleEndType = Math.max(cycleEndType, lastType);
            closeCycle();
        }
        seenMask |= bit;
        lastType = type;
        double t = cycle * periodS;
        switch (type) {
            case 0x51 -> {
                ax = word(0) * ACC;
                ay = word(1) * ACC;
                az = word(2) * ACC;
                hasAcc = true;
            }
            case 0x52 -> {
                gx = word(0) * GYRO;
                gy = word(1) * GYRO;
                gz = word(2) * GYRO;
                hasGyro = true;
            }
            case 0x53 -> {
                stats.orientations++;
                orientation.onEulerDeg(t, word(0) * ANGLE, word(1) * ANGLE, word(2) * ANGLE);
            }
            case 0x54 -> {
                // WitMotion documents the magnetometer unit per model, so it is not guessed: the frame is
                // decoded and counted, the sample carries NaN
                mx = Double.NaN;
                my = Double.NaN;
                mz = Double.NaN;
                hasMag = true;
            }
            case 0x59 -> {
                stats.orientations++;
                orientation.onQuaternion(t, word(0) / 32768.0, word(1) / 32768.0, word(2) / 32768.0,
                        word(3) / 32768.0);
            }
            case 0x50, 0x55, 0x56, 0x57, 0x58, 0x5A -> {
                // time, ports, pressure, GPS: understood, not needed
            }
            default -> stats.unknownMessages++;
        }
        if (type == cycleEndType) {
            closeCycle();
        }
    }

    private void closeCycle() {
        if (seenMask == 0) {
            return;
        }
        if (hasAcc && hasGyro) {
            double nan = Double.NaN;
            emit(cycle * periodS, gx, gy, gz, ax, ay, az, hasMag ? mx : nan, hasMag ? my : nan, hasMag ? mz : nan);
        }
        cycle++;
        seenMask = 0;
        hasAcc = false;
        hasGyro = false;
        hasMag = false;
    }

    private void ble() {
        double t = cycle * periodS;
        cycle++;
        emit(t, word(3) * GYRO, word(4) * GYRO, word(5) * GYRO, word(0) * ACC, word(1) * ACC, word(2) * ACC,
                Double.NaN, Double.NaN, Double.NaN);
        stats.orientations++;
        orientation.onEulerDeg(t, word(6) * ANGLE, word(7) * ANGLE, word(8) * ANGLE);
    }
}
