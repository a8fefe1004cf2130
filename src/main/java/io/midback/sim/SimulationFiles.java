package io.midback.sim;

import io.midback.recording.CsvSampleWriter;
import io.midback.recording.RecordingMetadata;
import io.midback.text.AsciiOut;

import com.google.gson.GsonBuilder;
import io.midback.posture.PostureState;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a simulation to files: the recording in the canonical CSV format, and beside it its ground truth.
 *
 * <p>For {@code --out NAME.csv} (or {@code NAME.csv.gz}):
 * <ul>
 *   <li>{@code NAME.csv[.gz]}: {@code #} metadata lines, then {@code t_s,gx,gy,gz,ax,ay,az[,mx,my,mz]};
 *       rad/s, m/s², µT; gyro to 1e-5 rad/s, accelerometer to 1e-4 m/s², magnetometer to 0.01 µT.</li>
 *   <li>{@code NAME.truth.csv[.gz]} at the truth rate (default 10 Hz, one row per {@code rate/truthRate}
 *       samples, on sample times): {@code t_s,flexion_deg,lateral_bend_deg,axial_rotation_deg,state,qw,qx,qy,qz,
 *       bias_gx,bias_gy,bias_gz,activity,sedentary}: the true thoracic angles (ISB, relative to upright neutral),
 *       the posture label, the sensor's true orientation (sensor → ENU), the gyroscope bias (rad/s, sensor frame),
 *       the scenario activity, and 1 when sedentary (sitting, or standing still) else 0.</li>
 *   <li>{@code NAME.episodes.json}: the slump definition, the true slump episodes
 *       ({@code startS, endS, peakFlexionDeg, alertAtS = startS + dwell}), the true seconds per posture label,
 *       and the gyroscope bias (initial and final).</li>
 *   <li>{@code NAME.breaths.csv}: every true breath that starts during the recording
 *       ({@code onset_s,period_s,rate_per_min,depth_deg,kind}): when it starts to breathe in, its whole length
 *       (inhalation, exhalation and any pause), the rate that length makes, its peak tilt, and whether it is a
 *       {@code normal} breath, a {@code sigh} or one followed by a {@code pause} (see {@link Breathing}).</li>
 * </ul>
 * Output is deterministic: the same scenario, options and seed give byte-identical files.
 *
 * <p>With a lower sensor ({@link #writePair}) each recording names the other ({@code # lower:} and {@code # upper:},
 * see {@link RecordingMetadata}) and the lower one has its own truth, {@code NAME2.truth.csv[.gz]}:
 * {@code t_s,true_t_s,pelvic_tilt_deg,spine_flexion_deg,spine_lateral_bend_deg,spine_axial_rotation_deg,qw,qx,qy,qz}:
 * its own timestamp and the true time (the upper sensor's clock), the pelvic tilt (+ forward) and the spine's ISB
 * angles between the sensors (the upper back relative to the pelvis), and the lower sensor's true orientation;
 * and its own {@code NAME2.episodes.json}, whose true slump episodes are by the spine's flexion.
 */
public final class SimulationFiles {
    private static final DateTimeFormatter START_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** What was written. */
    public record Result(long samples, double durationS, Path recording, Path truth, Path episodes,
                         List<SlumpEpisode> slumpEpisodes) {
    }

    private SimulationFiles() {
    }

    /** NAME from NAME.csv.gz, NAME.csv, NAME.gz or NAME. */
    static String baseName(String fileName) {
        String n = fileName;
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".csv")) {
            n = n.substring(0, n.length() - 4);
        }
        return n;
    }

    public static Path truthPath(Path out) {
        String name = out.getFileName().toString();
        return out.resolveSibling(baseName(name) + ".truth.csv" + (name.endsWith(".gz") ? ".gz" : ""));
    }

    public static Path breathsPath(Path out) {
        return out.resolveSibling(baseName(out.getFileName().toString()) + ".breaths.csv");
    }

    public static Path episodesPath(Path out) {
        return out.resolveSibling(baseName(out.getFileName().toString()) + ".episodes.json");
    }

    /**
     * Runs the simulator to its end, writing the three files.
     *
     * @param start local wall time of t = 0 for the metadata, or null for none
     */
    public static Result write(Simulator sim, Path out, double truthRateHz, LocalDateTime start)
            throws IOException {
        return write(sim, out, truthRateHz, start, RecordingMetadata.empty());
    }

    /** What {@link #writePair} wrote: the upper sensor's files, then the lower's. */
    public record PairResult(Result upper, Result lower) {
    }

    /**
     * Runs an upper (thoracic) and a lower (sacral) simulator of the same wearer to their ends, writing each one's
     * files as {@link #write} does, each recording naming the other.
     */
    public static PairResult writePair(Simulator upper, Path out, Simulator lower, Path lowerOut, double truthRateHz,
                                       LocalDateTime start) throws IOException {
        Result u = write(upper, out, truthRateHz, start, RecordingMetadata.empty()
                .with(RecordingMetadata.SITE, upper.site().name())
                .with(RecordingMetadata.LOWER, lowerOut.getFileName().toString()));
        LocalDateTime lowerStart = start == null ? null
                : start.plusNanos(Math.round(lower.clock().startOffsetS() * 1e9));
        Result l = write(lower, lowerOut, truthRateHz, lowerStart, RecordingMetadata.empty()
                .with(RecordingMetadata.SITE, lower.site().name())
                .with(RecordingMetadata.UPPER, out.getFileName().toString()));
        return new PairResult(u, l);
    }

    private static Result write(Simulator sim, Path out, double truthRateHz, LocalDateTime start,
                                RecordingMetadata extra) throws IOException {
        boolean thorax = sim.site() == Site.THORAX;
        Path truthFile = truthPath(out);
        Path episodesFile = episodesPath(out);
        SimulatorConfig cfg = sim.config();
        int truthEvery = Math.max(1, (int) Math.round(cfg.rateHz() / truthRateHz));
        int timeDecimals = timeDecimals(cfg.rateHz());
        RecordingMetadata common = metadata(sim, start);
        for (Map.Entry<String, String> e : extra.entries().entrySet()) {
            common = common.with(e.getKey(), e.getValue());
        }
        try (CsvSampleWriter rec = CsvSampleWriter.create(out, common
                     .with("truth", truthFile.getFileName().toString())
                     .with("episodes", episodesFile.getFileName().toString()),
                     cfg.magnetometer(), new CsvSampleWriter.Precision(timeDecimals, 5, 4, 2));
             AsciiOut tru = new AsciiOut(open(truthFile))) {
            for (Map.Entry<String, String> e : common.entries().entrySet()) {
                tru.text("# " + e.getKey() + ": " + e.getValue() + "\n");
            }
            tru.text("# truth_rate_hz: " + number(cfg.rateHz() / truthEvery) + "\n");
            if (thorax) {
                tru.text("# angles: thoracic, degrees, relative to upright sitting neutral; ISB sequence "
                        + "(flexion + forward, then lateral bend + right, then axial rotation + right)\n"
                        + "# q: sensor -> ENU; bias: gyroscope bias in rad/s, sensor frame\n");
                tru.text("t_s,flexion_deg,lateral_bend_deg,axial_rotation_deg,state,qw,qx,qy,qz,"
                        + "bias_gx,bias_gy,bias_gz,activity,sedentary\n");
            } else {
                tru.text("# t_s: this sensor's clock; true_t_s: the upper sensor's (true) clock\n"
                        + "# pelvic tilt: + forward from upright sitting neutral; spine: the upper back relative to "
                        + "the pelvis, ISB sequence (flexion + forward, then lateral bend + right, then axial "
                        + "rotation + right), degrees\n# q: sensor -> ENU\n");
                tru.text("t_s,true_t_s,pelvic_tilt_deg,spine_flexion_deg,spine_lateral_bend_deg,"
                        + "spine_axial_rotation_deg,qw,qx,qy,qz\n");
            }
            EnumMap<PostureState, Long> stateSamples = new EnumMap<>(PostureState.class);
            long[] counts = new long[PostureState.values().length];
            long[] sedentarySamples = new long[1];
            double[] lastBias = new double[3];
            sim.setTruthListener(f -> {
                counts[f.state.ordinal()]++;
                if (f.sedentary) {
                    sedentarySamples[0]++;
                }
                if (f.index % truthEvery == 0) {
                    try {
                        if (thorax) {
                            upperTruthRow(tru, f, timeDecimals);
                        } else {
                            lowerTruthRow(tru, f, timeDecimals);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                System.arraycopy(f.gyroBiasRadPerS, 0, lastBias, 0, 3);
            });
            sim.run(rec);
            sim.setTruthListener(null);
            for (PostureState s : PostureState.values()) {
                if (counts[s.ordinal()] > 0) {
                    stateSamples.put(s, counts[s.ordinal()]);
                }
            }
            writeEpisodes(episodesFile, sim, stateSamples, sedentarySamples[0], lastBias);
            if (thorax) {
                writeBreaths(breathsPath(out), sim);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Result(sim.sampleCount(), sim.sampleCount() / cfg.rateHz(), out, truthFile, episodesFile,
                sim.trueSlumpEpisodes());
    }

    /** One row of the upper sensor's truth (see the class comment). */
    private static void upperTruthRow(AsciiOut tru, TruthFrame f, int timeDecimals) throws IOException {
        tru.fixed(f.tS, timeDecimals).put(',')
                .fixed(f.flexionDeg, 3).put(',')
                .fixed(f.lateralBendDeg, 3).put(',')
                .fixed(f.axialRotationDeg, 3).put(',')
                .text(f.state.label()).put(',');
        quaternion(tru, f.sensorToEarth).put(',')
                .fixed(f.gyroBiasRadPerS[0], 6).put(',')
                .fixed(f.gyroBiasRadPerS[1], 6).put(',')
                .fixed(f.gyroBiasRadPerS[2], 6).put(',')
                .text(f.activity.keyword()).put(',')
                .put(f.sedentary ? '1' : '0').put('\n');
    }

    /** One row of the lower sensor's truth: its own time, true time, pelvic tilt, the spine, its orientation. */
    private static void lowerTruthRow(AsciiOut tru, TruthFrame f, int timeDecimals) throws IOException {
        tru.fixed(f.deviceTS, timeDecimals).put(',').fixed(f.tS, 6).put(',').fixed(f.pelvicTiltDeg, 3).put(',')
                .fixed(f.spineFlexionDeg, 3).put(',').fixed(f.lateralBendDeg, 3).put(',')
                .fixed(f.axialRotationDeg, 3).put(',');
        quaternion(tru, f.sensorToEarth).put('\n');
    }

    private static AsciiOut quaternion(AsciiOut out, io.midback.sensor.Quat q) throws IOException {
        return out.fixed(q.w, 6).put(',').fixed(q.x, 6).put(',').fixed(q.y, 6).put(',').fixed(q.z, 6);
    }

    private static void writeEpisodes(Path file, Simulator sim, Map<PostureState, Long> stateSamples,
                                      long sedentarySamples, double[] finalBias) throws IOException {
        SimulatorConfig cfg = sim.config();
        SlumpEpisodes def = cfg.slumps();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", sim.scenario().name());
        root.put("seed", cfg.seed());
        root.put("rateHz", cfg.rateHz());
        root.put("mounting", cfg.mounting().name());
        root.put("samples", sim.sampleCount());
        root.put("durationS", sim.sampleCount() / cfg.rateHz());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("thresholdDeg", def.thresholdDeg());
        d.put("dwellS", def.dwellS());
        d.put("hysteresisDeg", def.hysteresisDeg());
        if (sim.site() != Site.THORAX) {
            d.put("flexion", "spine between the sensors");
        }
        d.put("rule", "while sedentary (sitting, or standing still), an episode starts when true flexion (relative"
                + " to the upright neutral) rises above thresholdDeg and ends when it falls below thresholdDeg -"
                + " hysteresisDeg or the wearer stops being sedentary; it counts when it lasts at least dwellS; the"
                + " alert is due at startS + dwellS");
        root.put("slumpDefinition", d);
        List<Map<String, Object>> eps = new ArrayList<>();
        for (SlumpEpisode e : sim.trueSlumpEpisodes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("startS", round(e.startS(), 3));
            m.put("endS", round(e.endS(), 3));
            m.put("peakFlexionDeg", round(e.peakFlexionDeg(), 2));
            m.put("alertAtS", round(e.startS() + def.dwellS(), 3));
            eps.add(m);
        }
        root.put("slumpEpisodes", eps);
        Map<String, Object> seconds = new LinkedHashMap<>();
        stateSamples.forEach((s, n) -> seconds.put(s.label(), round(n / cfg.rateHz(), 2)));
        root.put("postureSeconds", seconds);
        root.put("sedentaryS", round(sedentarySamples / cfg.rateHz(), 2));
        double[] initial = new double[3];
        sim.initialGyroBias(initial);
        Map<String, Object> bias = new LinkedHashMap<>();
        bias.put("initialRadPerS", new double[] {round(initial[0], 7), round(initial[1], 7), round(initial[2], 7)});
        bias.put("finalRadPerS", new double[] {round(finalBias[0], 7), round(finalBias[1], 7),
                round(finalBias[2], 7)});
        SensorErrors err = cfg.errors();
        bias.put("randomWalkDegPerSqrtS", err.gyroBiasWalkDegPerSqrtS());
        bias.put("noiseDegPerSPerSqrtHz", err.gyroNoiseDegPerSPerSqrtHz());
        root.put("gyroBias", bias);
        root.put("accelNoiseMicroGPerSqrtHz", err.accelNoiseMicroGPerSqrtHz());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new GsonBuilder().setPrettyPrinting().create().toJson(root, w);
            w.write('\n');
        }
    }

    private static void writeBreaths(Path file, Simulator sim) throws IOException {
        Breathing b = sim.newBodyModel().breathing();
        double durationS = sim.sampleCount() / sim.config().rateHz();
        try (AsciiOut out = new AsciiOut(open(file))) {
            out.text("onset_s,period_s,rate_per_min,depth_deg,kind\n");
            for (int i = 0; i < b.breathCount(); i++) {
                if (b.onsetS(i) >= 0 && b.onsetS(i) < durationS) {
                    out.fixed(b.onsetS(i), 3).put(',').fixed(b.periodS(i), 3).put(',')
                            .fixed(60 / b.periodS(i), 2).put(',').fixed(b.depthDeg(i), 3).put(',')
                            .text(Breathing.kindLabel(b.kind(i))).put('\n');
                }
            }
        }
    }

    /** The metadata a simulated recording and its truth file share. */
    private static RecordingMetadata metadata(Simulator sim, LocalDateTime start) {
        SimulatorConfig cfg = sim.config();
        RecordingMetadata m = RecordingMetadata.empty()
                .with(RecordingMetadata.DEVICE, "midback-sim")
                .with(RecordingMetadata.RATE_HZ, number(cfg.rateHz()))
                .with(RecordingMetadata.MOUNTING, cfg.mounting().name());
        if (start != null) {
            m = m.with(RecordingMetadata.START, start.format(START_FORMAT));
        }
        return m.with("scenario", sim.scenario().name())
                .with("seed", Long.toString(cfg.seed()))
                .with("magnetometer", Boolean.toString(cfg.magnetometer()));
    }

    private static OutputStream open(Path p) throws IOException {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream raw = Files.newOutputStream(p);
        if (p.getFileName().toString().endsWith(".gz")) {
            return new GZIPOutputStream(new BufferedOutputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    /** Enough decimals that every k / rate prints exactly when possible (up to 6). */
    static int timeDecimals(double rateHz) {
        for (int d = 0; d <= 6; d++) {
            double steps = Math.pow(10, d) / rateHz;
            if (Math.abs(steps - Math.rint(steps)) < 1e-9) {
                return d;
            }
        }
        return 6;
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%s", x);
    }

    private static double round(double x, int decimals) {
        double p = Math.pow(10, decimals);
        return Math.round(x * p) / p;
    }
}
