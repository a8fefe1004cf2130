package io.midback.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.midback.protocol.MidbackProtocol.*;

/**
 * The device side of Midback's protocol in Java (the C reference in firmware-protocol/reference is the same):
 * encodes what a device sends, for virtual and simulated sensors and for tests. Keeps the device's frame
 * sequence number. {@link #imuBatch} writes into a caller's buffer and allocates nothing.
 */
public final class MidbackDeviceEncoder {
    private final byte[] p = new byte[MAX_PAYLOAD + 2];
    private int seq;

    /** Raw int16 for a value in any unit, given the full scale in the same unit: round(v / fs · 32768), clamped. */
    public static short toRaw(double value, double fullScale) {
        long r = Math.round(value / fullScale * 32768.0);
        return (short) Math.max(-32768, Math.min(32767, r));
    }

    /**
     * Encodes an IMU batch.
     *
     * @param sampleIndex     the device's count of samples before this batch's first (u32, wraps)
     * @param t0Micros        device clock at the first sample, µs (u32, wraps)
     * @param periodMicros    time between samples, µs
     * @param raw             per sample ax ay az gx gy gz [mx my mz] as int16 of the full scales
     * @param count           samples in the batch
     * @param withMag         whether each sample has the three magnetometer values
     * @return the frame length written to {@code out} from {@code outOff} (at most {@link MidbackFrames#MAX_FRAME})
     */
    public int imuBatch(long sampleIndex, long t0Micros, long periodMicros, int accelRangeG, int gyroRangeDps,
                        int magRangeMicroT, short[] raw, int count, boolean withMag, byte[] out, int outOff) {
        int stride = withMag ? 9 : 6;
        if (count < 0 || count > 255 || IMU_HEADER + count * stride * 2 > MAX_PAYLOAD) {
            throw new IllegalArgumentException("batch of " + count + " samples does not fit one frame");
        }
        header(MSG_IMU_BATCH);
        put32(p, 2, sampleIndex);
        put32(p, 6, t0Micros);
        put32(p, 10, periodMicros);
        p[14] = (byte) accelRangeG;
        put16(p, 15, gyroRangeDps);
        put16(p, 17, magRangeMicroT);
        p[19] = (byte) count;
        p[20] = (byte) (withMag ? IMU_FLAG_MAG : 0);
        int o = IMU_HEADER;
        for (int i = 0, n = count * stride; i < n; i++, o += 2) {
            put16(p, o, raw[i]);
        }
        return MidbackFrames.frame(p, o, out, outOff);
    }

    public byte[] imuBatch(long sampleIndex, long t0Micros, long periodMicros, int accelRangeG, int gyroRangeDps,
                           int magRangeMicroT, short[] raw, int count, boolean withMag) {
        byte[] out = new byte[MidbackFrames.MAX_FRAME];
        return Arrays.copyOf(out, imuBatch(sampleIndex, t0Micros, periodMicros, accelRangeG, gyroRangeDps,
                magRangeMicroT, raw, count, withMag, out, 0));
    }

    public byte[] info(DeviceMessage.Info info) {
        header(MSG_INFO);
        String[] fw = info.firmwareVersion().split("\\.");
        p[2] = (byte) info.protocolVersion();
        for (int i = 0; i < 3; i++) {
            p[3 + i] = (byte) (i < fw.length ? Integer.parseInt(fw[i]) : 0);
        }
        put32(p, 6, info.deviceId());
        put32(p, 10, info.deviceId() >>> 32);
        put16(p, 14, info.rateHz());
        p[16] = (byte) info.accelRangeG();
        put16(p, 17, info.gyroRangeDps());
        put16(p, 19, info.magRangeMicroT());
        p[21] = (byte) info.capabilities();
        p[22] = (byte) info.samplesPerFrame();
        byte[] model = info.sensorModel().getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(model.length, 32);
        p[23] = (byte) n;
        System.arraycopy(model, 0, p, INFO_FIXED, n);
        return MidbackFrames.frame(p, INFO_FIXED + n);
    }

    /** @param percent 0–100, or -1 when unknown */
    public byte[] battery(int millivolts, int percent, boolean charging) {
        header(MSG_BATTERY);
        put16(p, 2, millivolts);
        p[4] = (byte) (percent < 0 ? 0xFF : percent);
        p[5] = (byte) (charging ? 1 : 0);
        return MidbackFrames.frame(p, 6);
    }

    public byte[] event(int kind, long deviceMicros, int argument) {
        header(MSG_EVENT);
        p[2] = (byte) kind;
        put32(p, 3, deviceMicros);
        put16(p, 7, argument);
        return MidbackFrames.frame(p, 9);
    }

    public byte[] ack(int commandSeq, int commandType) {
        header(MSG_ACK);
        p[2] = (byte) commandSeq;
        p[3] = (byte) commandType;
        return MidbackFrames.frame(p, 4);
    }

    public byte[] nack(int commandSeq, int commandType, int errorCode) {
        header(MSG_NACK);
        p[2] = (byte) commandSeq;
        p[3] = (byte) commandType;
        p[4] = (byte) errorCode;
        return MidbackFrames.frame(p, 5);
    }

    public byte[] pong(int commandSeq, long token, long deviceMicros) {
        header(MSG_PONG);
        p[2] = (byte) commandSeq;
        put32(p, 3, token);
        put32(p, 7, deviceMicros);
        return MidbackFrames.frame(p, 11);
    }

    public byte[] log(int level, String text) {
        header(MSG_LOG);
        p[2] = (byte) level;
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(t.length, MAX_PAYLOAD - 3);
        System.arraycopy(t, 0, p, 3, n);
        return MidbackFrames.frame(p, 3 + n);
    }

    private void header(int type) {
        p[0] = (byte) type;
        p[1] = (byte) seq;
        seq = (seq + 1) & 0xFF;
    }
}
