package io.midback.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads firmware-protocol/vectors/midback-v1.txt and encodes its vectors with the Java encoders. Run as a
 * program ({@code main}) to rewrite the hex lines from the fields after adding a vector; the tests check the
 * file as it is.
 */
final class GoldenVectors {
    static final Path FILE = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve("firmware-protocol/vectors/midback-v1.txt");

    record Vector(String name, String direction, Map<String, String> fields, List<int[]> samples, String text,
                  byte[] hex) {
        long num(String key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalArgumentException(name + ": no field " + key);
            }
            return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        }

        int i(String key) {
            return (int) num(key);
        }

        String type() {
            return fields.get("type");
        }
    }

    private GoldenVectors() {
    }

    static List<Vector> read(Path file) throws IOException {
        List<Vector> out = new ArrayList<>();
        String name = null;
        String dir = null;
        Map<String, String> fields = null;
        List<int[]> samples = null;
        String text = null;
        ByteArrayOutputStream hex = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split(" ", 2);
            switch (kv[0]) {
                case "vector" -> {
                    String[] p = kv[1].split(" ");
                    name = p[0];
                    dir = p[1];
                    fields = new LinkedHashMap<>();
                    samples = new ArrayList<>();
                    text = null;
                    hex = new ByteArrayOutputStream();
                }
                case "sample" -> samples.add(java.util.Arrays.stream(kv[1].trim().split("\\s+"))
                        .mapToInt(Integer::parseInt).toArray());
                case "text" -> text = kv[1];
                case "hex" -> hex.writeBytes(MidbackDecoderTest.hex(kv[1]));
                case "end" -> out.add(new Vector(name, dir, fields, samples, text, hex.toByteArray()));
                default -> fields.put(kv[0], kv[1].trim());
            }
        }
        return out;
    }

    /** The bytes the Java encoders produce for a vector's fields. */
    static byte[] encode(Vector v) {
        if (v.direction().equals("stream")) {
            return streamDamaged();
        }
        if (v.direction().equals("host")) {
            HostCommand c = switch (v.type()) {
                case "get_info" -> new HostCommand.GetInfo(v.i("seq"));
                case "start_stream" -> new HostCommand.StartStreaming(v.i("seq"));
                case "stop_stream" -> new HostCommand.StopStreaming(v.i("seq"));
                case "set_rate" -> new HostCommand.SetRate(v.i("seq"), v.i("rateHz"));
                case "set_ranges" -> new HostCommand.SetRanges(v.i("seq"), v.i("accelRangeG"), v.i("gyroRangeDps"));
                case "vibrate" -> new HostCommand.Vibrate(v.i("seq"), v.i("pattern"), v.i("durationMs"),
                        v.i("intensityPct"));
                case "ping" -> new HostCommand.Ping(v.i("seq"), v.num("token"));
                default -> throw new IllegalArgumentException(v.name() + ": type " + v.type());
            };
            return new MidbackCommandEncoder().encode(c);
        }
        MidbackDeviceEncoder e = new MidbackDeviceEncoder();
        for (int seq = 0; seq < v.i("seq"); seq++) {
            e.battery(3700, 50, false); // a device numbers its frames in order: bring it to the vector's seq
        }
        return switch (v.type()) {
            case "info" -> e.info(info(v));
            case "imu_batch" -> {
                boolean mag = v.i("withMag") != 0;
                int stride = mag ? 9 : 6;
                short[] raw = new short[v.samples().size() * stride];
                for (int s = 0; s < v.samples().size(); s++) {
                    for (int k = 0; k < stride; k++) {
                        raw[s * stride + k] = (short) v.samples().get(s)[k];
                    }
                }
                yield e.imuBatch(v.num("sampleIndex"), v.num("t0Us"), v.num("periodUs"), v.i("accelRangeG"),
                        v.i("gyroRangeDps"), v.i("magRangeUt"), raw, v.samples().size(), mag);
            }
            case "battery" -> e.battery(v.i("millivolts"), v.i("percent") == 255 ? -1 : v.i("percent"),
                    v.i("charging") != 0);
            case "event" -> e.event(v.i("kind"), v.num("deviceUs"), v.i("argument"));
            case "ack" -> e.ack(v.i("cmdSeq"), v.i("cmdType"));
            case "nack" -> e.nack(v.i("cmdSeq"), v.i("cmdType"), v.i("error"));
            case "pong" -> e.pong(v.i("cmdSeq"), v.num("token"), v.num("deviceUs"));
            case "log" -> e.log(v.i("level"), v.text());
            default -> throw new IllegalArgumentException(v.name() + ": type " + v.type());
        };
    }

    static DeviceMessage.Info info(Vector v) {
        return new DeviceMessage.Info(v.i("protocolVersion"), v.i("fwMajor") + "." + v.i("fwMinor") + "." + v.i("fwPatch"),
                v.num("deviceId"), v.text(), v.i("rateHz"), v.i("accelRangeG"), v.i("gyroRangeDps"), v.i("magRangeUt"),
                v.i("capabilities"), v.i("samplesPerFrame"));
    }

    /** The recipe of the "stream_damaged" vector (described in the file). */
    static byte[] streamDamaged() {
        MidbackDeviceEncoder e = new MidbackDeviceEncoder();
        byte[] battery = e.battery(3900, 80, false);
        battery[3] ^= 0x10;
        short[] raw = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        return MidbackDecoderTest.concat(new byte[] {1, 2, 3, 0},
                e.info(new DeviceMessage.Info(1, "0.3.1", 42, "MPU-6050", 100, 4, 500, 0, 2, 2)),
                battery,
                MidbackFrames.frame(new byte[] {0x7E, 9, 1, 2, 3}, 5),
                e.imuBatch(0, 0, 10_000, 4, 500, 0, raw, 2, false),
                e.imuBatch(7, 70_000, 10_000, 4, 500, 0, raw, 2, false),
                java.util.Arrays.copyOf(e.battery(3900, 80, false), 6));
    }

    /** Rewrites the hex lines of the vector file from the fields. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        List<Vector> vectors = read(file);
        StringBuilder out = new StringBuilder();
        int v = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("hex ")) {
                continue;
            }
            if (line.equals("end")) {
                byte[] b = encode(vectors.get(v++));
                for (int i = 0; i < b.length; i += 16) {
                    out.append("hex");
                    for (int k = i; k < Math.min(b.length, i + 16); k++) {
                        out.append(String.format(" %02x", b[k] & 0xFF));
                    }
                    out.append('\n');
                }
            }
            out.append(line).append('\n');
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }
}
