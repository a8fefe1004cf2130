package io.midback.protocol;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static io.midback.protocol.MidbackProtocol.*;

/**
 * Decodes Midback protocol frames sent by a device (firmware-protocol/PROTOCOL.md): IMU batches to samples,
 * everything else to {@link DeviceMessage}s. Frames failing COBS or CRC are skipped and counted; unknown
 * message types are skipped and counted, so an older host reads a newer device.
 *
 * <p>Times: {@code tS} is seconds since the first sample's device timestamp; the 32-bit device µs clock is
 * unwrapped (it wraps every 71.6 minutes). Gaps in the sample counter are counted in
 * {@link DecoderStats#samplesLost()} and reported to {@link SampleSink#gap}.
 */
public final class MidbackDecoder extends ImuDecoder {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private final CobsFramer framer = new CobsFramer(MAX_PAYLOAD) {
        @Override
        void onFrame(byte[] payload, int len) {
            frame(payload, len);
        }

        @Override
        void onCorrupt(int rawBytes) {
            stats.framesCorrupt++;
            stats.bytesSkipped += rawBytes;
        }
    };

    private boolean started;
    private long firstUs;          // unwrapped device time of the first sample
    private long lastT0Raw;        // last batch's raw 32-bit t0
    private long lastT0Us;         // last batch's unwrapped t0
    private long nextIndex;        // sample counter expected next
    private long lastSampleUs;     // unwrapped time of the last sample delivered
    private long lastPeriodUs;

    public MidbackDecoder(SampleSink sink) {
        super(sink);
    }

    public MidbackDecoder(SampleSink sink, SampleBatch batch) {
        super(sink, batch);
    }

    @Override
    public WireFormat format() {
        return WireFormat.MIDBACK;
    }

    @Override
    protected void decode(byte[] bytes, int off, int len) {
        framer.feed(bytes, off, len);
    }

    @Override
    protected void finish() {
        stats.bytesSkipped += framer.pendingBytes();
        framer.reset();
    }

    private void frame(byte[] p, int len) {
        int type = p[0] & 0xFF;
        if (type == MSG_IMU_BATCH) {
            imuBatch(p, len);
            return;
        }
        DeviceMessage m = message(type, p, len);
        if (m == null) {
            return;
        }
        stats.framesOk++;
        messages.onMessage(m);
    }

    /** Decodes a non-sample message; null when unknown or malformed (already counted). */
    private DeviceMessage message(int type, byte[] p, int len) {
        switch (type) {
            case MSG_INFO:
                if (len >= INFO_FIXED && len >= INFO_FIXED + (p[INFO_FIXED - 1] & 0xFF)) {
                    long id = u32(p, 6) | u32(p, 10) << 32;
                    String model = new String(p, INFO_FIXED, p[INFO_FIXED - 1] & 0xFF, StandardCharsets.US_ASCII);
                    return new DeviceMessage.Info(p[2] & 0xFF,
                            (p[3] & 0xFF) + "." + (p[4] & 0xFF) + "." + (p[5] & 0xFF), id, model,
                            u16(p, 14), p[16] & 0xFF, u16(p, 17), u16(p, 19), p[21] & 0xFF, p[22] & 0xFF);
                }
                break;
            case MSG_BATTERY:
                if (len >= 6) {
                    int pct = p[4] & 0xFF;
                    return new DeviceMessage.Battery(u16(p, 2), pct > 100 ? -1 : pct, (p[5] & 1) != 0);
                }
                break;
            case MSG_EVENT:
                if (len >= 9) {
                    return new DeviceMessage.Event(p[2] & 0xFF, u32(p, 3), u16(p, 7));
                }
                break;
            case MSG_ACK:
                if (len >= 4) {
                    return new DeviceMessage.Ack(p[2] & 0xFF, p[3] & 0xFF);
                }
                break;
            case MSG_NACK:
                if (len >= 5) {
                    return new DeviceMessage.Nack(p[2] & 0xFF, p[3] & 0xFF, p[4] & 0xFF);
                }
                break;
            case MSG_PONG:
                if (len >= 11) {
                    return new DeviceMessage.Pong(p[2] & 0xFF, u32(p, 3), u32(p, 7));
                }
                break;
            case MSG_LOG:
                if (len >= 3) {
                    return new DeviceMessage.Log(p[2] & 0xFF, new String(p, 3, len - 3, StandardCharsets.UTF_8));
                }
                break;
            default:
                stats.framesOk++;
                stats.unknownMessages++;
                return null;
        }
        // CRC was right but the body is too short for its type: a sender bug, not line noise.
        stats.framesCorrupt++;
        stats.bytesSkipped += len;
        return null;
    }

    private void imuBatch(byte[] p, int len) {
        if (len < IMU_HEADER) {
            malformed(len);
            return;
        }
        int accelRangeG = p[14] & 0xFF;
        int gyroRangeDps = u16(p, 15);
        int magRangeUt = u16(p, 17);
        int count = p[19] & 0xFF;
        int flags = p[20] & 0xFF;
        if ((flags & ~IMU_FLAG_MAG) != 0) {
            // A layout this host does not know (a newer device): skip, do not guess.
            stats.framesOk++;
            stats.unknownMessages++;
            return;
        }
        boolean mag = (flags & IMU_FLAG_MAG) != 0;
        int stride = mag ? 18 : 12;
        if (accelRangeG == 0 || gyroRangeDps == 0 || (mag && magRangeUt == 0)
                || len != IMU_HEADER + count * stride) {
            malformed(len);
            return;
        }
        long index = u32(p, 2);
        long t0Raw = u32(p, 6);
        long periodUs = u32(p, 10);
        stats.framesOk++;

        long t0Us;
        if (!started) {
            started = true;
            t0Us = t0Raw;
            firstUs = t0Raw;
        } else {
            long dt = (t0Raw - lastT0Raw) & 0xFFFFFFFFL;
            long di = (index - nextIndex) & 0xFFFFFFFFL;
            if (dt >= 0x80000000L || di >= 0x80000000L) {
                // The clock or the counter went back: the device restarted. Continue the timeline.
                t0Us = lastSampleUs + Math.max(1, lastPeriodUs);
                gap(seconds(lastSampleUs), seconds(t0Us), "device restarted (sample counter or clock went back)");
            } else {
                t0Us = lastT0Us + dt;
                if (di != 0) {
                    stats.samplesLost += di;
                    gap(seconds(lastSampleUs), seconds(t0Us), di + " samples lost (sequence gap)");
                }
            }
        }
        lastT0Raw = t0Raw;
        lastT0Us = t0Us;
        nextIndex = (index + count) & 0xFFFFFFFFL;
        lastPeriodUs = periodUs;

        double aScale = accelRangeG * ImuUnits.G_MPS2 / 32768.0;
        double gScale = gyroRangeDps * ImuUnits.RAD_PER_DEG / 32768.0;
        double mScale = magRangeUt / 32768.0;
        double tBase = (t0Us - firstUs) * 1e-6;
        double tStep = periodUs * 1e-6;
        SampleBatch b = batch;
        int o = IMU_HEADER;
        for (int i = 0; i < count; i++, o += stride) {
            double ax = (short) I16.get(p, o) * aScale;
            double ay = (short) I16.get(p, o + 2) * aScale;
            double az = (short) I16.get(p, o + 4) * aScale;
            double gx = (short) I16.get(p, o + 6) * gScale;
            double gy = (short) I16.get(p, o + 8) * gScale;
            double gz = (short) I16.get(p, o + 10) * gScale;
            double mx = Double.NaN;
            double my = Double.NaN;
            double mz = Double.NaN;
            if (mag) {
                mx = (short) I16.get(p, o + 12) * mScale;
                my = (short) I16.get(p, o + 14) * mScale;
                mz = (short) I16.get(p, o + 16) * mScale;
            }
            b.add(tBase + i * tStep, gx, gy, gz, ax, ay, az, mx, my, mz);
            if (b.isFull()) {
                sink.accept(b);
                b.clear();
            }
        }
        stats.samples += count;
        lastSampleUs = t0Us + (count == 0 ? 0 : (count - 1) * periodUs);
    }

    private void malformed(int len) {
        stats.framesCorrupt++;
        stats.bytesSkipped += len;
    }

    private double seconds(long us) {
        return (us - firstUs) * 1e-6;
    }
}
