package io.midback.protocol;

import io.midback.text.DecimalParser;
import io.midback.sensor.SampleSink;

import static io.midback.protocol.ImuUnits.G_MPS2;
import static io.midback.protocol.ImuUnits.RAD_PER_DEG;

/**
 * Decodes x-IMU3 data messages, ASCII and binary mixed freely; every message ends with LF (0x0A).
 *
 * <pre>
 *  ASCII:   I,&lt;timestamp µs&gt;,gx,gy,gz,ax,ay,az\r\n   (°/s, g)      Q,&lt;µs&gt;,w,x,y,z      M,&lt;µs&gt;,mx,my,mz (a.u.)
 *  binary:  +-----------+--------------------+------------------------+----+
 *           | 0x80 + id | timestamp u64 µs LE| float32 LE values ...  | 0A |   0x0A → DB DC, 0xDB → DB DD
 *           +-----------+--------------------+------------------------+----+
 *           id 'I' (0xC9): 6 floats gyro °/s, accel g; 'Q' (0xD1): 4 floats w x y z; 'M' (0xCD): 3 floats
 * </pre>
 *
 * Inertial messages become samples (no magnetometer: x-IMU3 sends it in separate messages at another rate, in
 * arbitrary units); quaternions go to the {@link OrientationListener}. x-IMU3 has no checksum: a message counts
 * as corrupt when its length, escapes or numbers are wrong. Times are seconds since the first message's
 * timestamp. Battery ('B') and notification ('N') messages become {@link DeviceMessage.Battery} and
 * {@link DeviceMessage.Log}; other message types (temperature, RSSI, Euler angles...) are skipped and counted
 * as unknown.
 */
public final class XImu3Decoder extends LineFramedDecoder {
    private final double[] values = new double[8];
    private boolean started;
    private long firstUs;

    public XImu3Decoder(SampleSink sink) {
        super(sink);
    }

    @Override
    public WireFormat format() {
        return WireFormat.XIMU3;
    }




    @Override
    void line() {
        if (n == 0) {
            stats.bytesSkipped += raw; // an empty line
            return;
        }
        if ((buf[0] & 0x80) != 0) {
            binary();
        } else {
            ascii();
        }
    }

    private void binary() {
        // unescape in place
        int m = 0;
        for (int i = 0; i < n; i++) {
            byte v = buf[i];
            if (v == (byte) 0xDB) {
                if (++i == n) {
                    corrupt();
                    return;
                }
                byte e = buf[i];
                if (e == (byte) 0xDC) {
                    v = 0x0A;
                } else if (e == (byte) 0xDD) {
                    v = (byte) 0xDB;
                } else {
                    corrupt();
                    return;
                }
            }
            buf[m++] = v;
        }
        int id = (buf[0] & 0xFF) - 0x80;
        if (id == 'N' && m >= 9) {
            stats.framesOk++;
            messages.onMessage(new DeviceMessage.Log(1,
                    new String(buf, 9, m - 9, java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        int floats = floatsOf(id);
        if (floats < 0) {
            stats.framesOk++;
            stats.unknownMessages++;
            return;
        }
        if (m != 9 + 4 * floats) {
            corrupt();
            return;
        }
        long ts = 0;
        for (int k = 8; k >= 1; k--) {
            ts = ts << 8 | (buf[k] & 0xFF);
        }
        for (int k = 0; k < floats; k++) {
            int o = 9 + 4 * k;
            int bits = (buf[o] & 0xFF) | (buf[o + 1] & 0xFF) << 8 | (buf[o + 2] & 0xFF) << 16 | buf[o + 3] << 24;
            float f = Float.intBitsToFloat(bits);
            if (!Float.isFinite(f)) {
                corrupt();
                return;
            }
            values[k] = f;
        }
        deliver(id, ts);
    }

    private void ascii() {
        int end = n;
        if (buf[end - 1] == '\r') {
            end--;
        }
        int id = buf[0];
        int fields = floatsOf(id);
        if (id < 'A' || id > 'Z' || end < 2 || buf[1] != ',') {
            corrupt();
            return;
        }
        if (id == 'N') {
            int comma = 2;
            while (comma < end && buf[comma] != ',') {
                comma++;
            }
            stats.framesOk++;
            messages.onMessage(new DeviceMessage.Log(1, comma >= end ? ""
                    : new String(buf, comma + 1, end - comma - 1, java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        if (fields < 0) {
            stats.framesOk++;
            stats.unknownMessages++;
            return;
        }
        // timestamp: an unsigned integer
        int i = 2;
        long ts = 0;
        int digits = 0;
        while (i < end && buf[i] >= '0' && buf[i] <= '9' && digits < 19) {
            ts = ts * 10 + (buf[i++] - '0');
            digits++;
        }
        if (digits == 0 || i >= end || buf[i] != ',') {
            corrupt();
            return;
        }
        int k = 0;
        int from = ++i;
        for (; i <= end; i++) {
            if (i == end || buf[i] == ',') {
                if (k == fields) {
                    corrupt();
                    return;
                }
                double v = DecimalParser.parse(buf, from, i);
                if (!Double.isFinite(v)) {
                    corrupt();
                    return;
                }
                values[k++] = v;
                from = i + 1;
            }
        }
        if (k != fields) {
            corrupt();
            return;
        }
        deliver(id, ts);
    }

    /** Values after the timestamp for the message types used; -1 for others. */
    private static int floatsOf(int id) {
        return switch (id) {
            case 'I' -> 6;
            case 'Q' -> 4;
            case 'M' -> 3;
            case 'B' -> 3;
            default -> -1;
        };
    }

    private void deliver(int id, long ts) {
        stats.framesOk++;
        if (!started) {
            started = true;
            firstUs = ts;
        }
        double t = (ts - firstUs) * 1e-6;
        double[] v = values;
        if (id == 'I') {
            emit(t, v[0] * RAD_PER_DEG, v[1] * RAD_PER_DEG, v[2] * RAD_PER_DEG, v[3] * G_MPS2, v[4] * G_MPS2,
                    v[5] * G_MPS2, Double.NaN, Double.NaN, Double.NaN);
        } else if (id == 'Q') {
            stats.orientations++;
            orientation.onQuaternion(t, v[0], v[1], v[2], v[3]);
        } else if (id == 'B') {
            // percentage (%), voltage (V), charging status (0 not charging, 1 charging, 2 charged)
            messages.onMessage(new DeviceMessage.Battery((int) Math.round(v[1] * 1000),
                    (int) Math.max(-1, Math.min(100, Math.round(v[0]))), v[2] >= 0.5 && v[2] < 1.5));
        }
        // 'M': arbitrary units, different rate; decoded for the length check, not used
    }
}
