package io.midback.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Synthetic, well-formed streams of every format, with where each frame lies and which samples it carries
 * (raw values as the decoder should report them in SI units, without time).
 */
final class Streams {
    /** A stream, frame boundaries ({@code ends[i]} = end of frame i, exclusive), samples per frame as value keys. */
    record Stream(WireFormat format, byte[] bytes, int[] ends, List<List<String>> samplesPerFrame) {
        int frameAt(int pos) {
            for (int i = 0; i < ends.length; i++) {
                if (pos < ends[i]) {
                    return i;
                }
            }
            return ends.length - 1;
        }
    }

    private Streams() {
    }

    static String key(double gx, double gy, double gz, double ax, double ay, double az) {
        return gx + "," + gy + "," + gz + "," + ax + "," + ay + "," + az;
    }

    static String key(io.midback.sensor.ImuSample s) {
        return key(s.gxRadPerS(), s.gyRadPerS(), s.gzRadPerS(), s.axMps2(), s.ayMps2(), s.azMps2());
    }

    private static final class Builder {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<Integer> ends = new ArrayList<>();
        final List<List<String>> samples = new ArrayList<>();

        void frame(byte[] b, List<String> s) {
            out.writeBytes(b);
            ends.add(out.size());
            samples.add(s);
        }

        Stream build(WireFormat f) {
            return new Stream(f, out.toByteArray(), ends.stream().mapToInt(Integer::intValue).toArray(), samples);
        }
    }

    static Stream midback(int frames, long seed) {
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        Builder b = new Builder();
        java.util.Random r = new java.util.Random(seed);
        long index = 0;
        double aS = 4 * ImuUnits.G_MPS2 / 32768.0;
        double gS = 500 * ImuUnits.RAD_PER_DEG / 32768.0;
        for (int f = 0; f < frames; f++) {
            if (f % 7 == 3) {
                b.frame(enc.battery(3900 - f, 80, false), List.of());
                continue;
            }
            int count = 1 + r.nextInt(5);
            short[] raw = new short[count * 6];
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (short) (r.nextInt(65536) - 32768);
                if (f % 5 == 0 && i % 4 == 0) {
                    raw[i] = 0; // exercise COBS zero runs
                }
            }
            for (int i = 0; i < count; i++) {
                int o = i * 6;
                keys.add(key(raw[o + 3] * gS, raw[o + 4] * gS, raw[o + 5] * gS, raw[o] * aS, raw[o + 1] * aS, raw[o + 2] * aS));
            }
            b.frame(enc.imuBatch(index, index * 10_000, 10_000, 4, 500, 0, raw, count, false), keys);
            index += count;
        }
        return b.build(WireFormat.MIDBACK);
    }

    static byte[] witFrame(int type, int w1, int w2, int w3, int w4) {
        byte[] f = new byte[11];
        f[0] = 0x55;
        f[1] = (byte) type;
        int[] w = {w1, w2, w3, w4};
        for (int i = 0; i < 4; i++) {
            f[2 + 2 * i] = (byte) w[i];
            f[3 + 2 * i] = (byte) (w[i] >> 8);
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += f[i];
        }
        f[10] = (byte) sum;
        return f;
    }

    /** WitMotion cycles of 0x51, 0x52, 0x53; each "frame" here is one whole cycle (one sample). */
    static Stream witmotion(int cycles, long seed) {
        Builder b = new Builder();
        java.util.Random r = new java.util.Random(seed);
        double aS = 16.0 / 32768.0 * ImuUnits.G_MPS2;
        double gS = 2000.0 / 32768.0 * ImuUnits.RAD_PER_DEG;
        for (int c = 0; c < cycles; c++) {
            int[] a = {r.nextInt(65536) - 32768, r.nextInt(65536) - 32768, r.nextInt(65536) - 32768};
            int[] g = {r.nextInt(65536) - 32768, r.nextInt(65536) - 32768, r.nextInt(65536) - 32768};
            byte[] cyc = MidbackDecoderTest.concat(witFrame(0x51, a[0], a[1], a[2], 2500),
                    witFrame(0x52, g[0], g[1], g[2], 2500), witFrame(0x53, r.nextInt(65536), 0, 0, 0));
            b.frame(cyc, List.of(key((short) g[0] * gS, (short) g[1] * gS, (short) g[2] * gS,
                    (short) a[0] * aS, (short) a[1] * aS, (short) a[2] * aS)));
        }
        return b.build(WireFormat.WITMOTION);
    }

    static Stream ximu3(int messages, long seed, boolean binary) {
        Builder b = new Builder();
        java.util.Random r = new java.util.Random(seed);
        long ts = 1_000_000;
        for (int m = 0; m < messages; m++, ts += 10_000) {
            float[] v = new float[6];
            for (int i = 0; i < 6; i++) {
                v[i] = binary ? Float.intBitsToFloat(0x3F000000 | r.nextInt(0x7FFFFF)) * (r.nextBoolean() ? 1 : -1)
                        : Math.round(r.nextGaussian() * 1e4) / 1e4f;
                if (binary && i == m % 6) {
                    v[i] = Float.intBitsToFloat(0x3F0ADB0A); // needs escapes
                }
            }
            byte[] msg;
            if (binary) {
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(0xC9);
                byte[] raw = new byte[8 + 24];
                for (int i = 0; i < 8; i++) {
                    raw[i] = (byte) (ts >>> (8 * i));
                }
                for (int i = 0; i < 6; i++) {
                    int bits = Float.floatToIntBits(v[i]);
                    for (int k = 0; k < 4; k++) {
                        raw[8 + 4 * i + k] = (byte) (bits >>> (8 * k));
                    }
                }
                for (byte x : raw) {
                    if (x == 0x0A) {
                        o.write(0xDB);
                        o.write(0xDC);
                    } else if (x == (byte) 0xDB) {
                        o.write(0xDB);
                        o.write(0xDD);
                    } else {
                        o.write(x);
                    }
                }
                o.write(0x0A);
                msg = o.toByteArray();
            } else {
                msg = String.format(Locale.ROOT, "I,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\r\n", ts, v[0], v[1], v[2],
                        v[3], v[4], v[5]).getBytes(StandardCharsets.US_ASCII);
            }
            double[] d = new double[6];
            for (int i = 0; i < 6; i++) {
                d[i] = binary ? v[i] : Double.parseDouble(String.format(Locale.ROOT, "%.4f", v[i]));
            }
            double rd = ImuUnits.RAD_PER_DEG;
            double g = ImuUnits.G_MPS2;
            b.frame(msg, List.of(key(d[0] * rd, d[1] * rd, d[2] * rd, d[3] * g, d[4] * g, d[5] * g)));
        }
        return b.build(WireFormat.XIMU3);
    }

    static Stream teapot(int packets, long seed) {
        Builder b = new Builder();
        java.util.Random r = new java.util.Random(seed);
        for (int p = 0; p < packets; p++) {
            byte[] f = {'$', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) p, '\r', '\n'};
            for (int i = 2; i < 10; i++) {
                f[i] = (byte) r.nextInt(256);
            }
            b.frame(f, List.of());
        }
        return b.build(WireFormat.TEAPOT);
    }

    static Stream text(int lines, long seed) {
        Builder b = new Builder();
        java.util.Random r = new java.util.Random(seed);
        TextLineDecoder.Layout l = TextLineDecoder.Layout.MPU6050_RAW_DEFAULT;
        b.frame("MPU6050 connection successful\r\n".getBytes(StandardCharsets.US_ASCII), List.of());
        for (int i = 0; i < lines; i++) {
            int[] v = new int[6];
            for (int k = 0; k < 6; k++) {
                v[k] = r.nextInt(65536) - 32768;
            }
            String line = (i % 2 == 0 ? "a/g:\t" : "") + v[0] + "\t" + v[1] + "\t" + v[2] + "\t" + v[3] + "\t" + v[4]
                    + "\t" + v[5] + "\r\n";
            double a = l.accelToMps2();
            double g = l.gyroToRadPerS();
            b.frame(line.getBytes(StandardCharsets.US_ASCII),
                    List.of(key(v[3] * g, v[4] * g, v[5] * g, v[0] * a, v[1] * a, v[2] * a)));
        }
        return b.build(WireFormat.TEXT);
    }

    static List<Stream> all(long seed) {
        return all(seed, 40);
    }

    static List<Stream> all(long seed, int frames) {
        return List.of(midback(frames, seed), witmotion(frames, seed), ximu3(frames, seed, true),
                ximu3(frames, seed, false), teapot(frames, seed), text(frames, seed));
    }
}
