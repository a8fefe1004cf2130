package io.midback.cli;

import io.midback.posture.Mounting;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.Scenario;
import io.midback.sim.ScenarioFormatException;
import io.midback.sim.SensorErrors;
import io.midback.sim.SimulationFiles;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.SlumpEpisode;
import io.midback.sim.SlumpEpisodes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code midback simulate}: a realistic back-worn sensor following a scenario, with its ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates a back-worn IMU following a scenario and writes the recording in the canonical CSV "
                + "format, with its ground truth beside it (NAME.truth.csv[.gz], NAME.episodes.json).",
                "SCENARIO is a built-in (slump-demo, workday, paced-breathing, two-sensor-demo) or a scenario file (see samples/README.md).",
                "mobility-check: the person --seed draws doing the mobility check (blocks in a random order), with "
                        + "every repetition's true peak in NAME.reps.csv (and the spine's with --lower-out), for "
                        + "`midback mobility --analyse`."})
public final class SimulateCommand implements Callable<Integer> {
    /** The built-in mobility check: the person --seed draws doing it, with every repetition's true peak. */
    static final String MOBILITY_CHECK = "mobility-check";
    /** In a simulated check with a lower sensor, the pelvis tilts by this share of the trunk's flexion. */
    static final double PELVIS_SHARE = 0.25;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "built-in name or scenario file")
    String scenario;

    /** Where the simulated sensor's samples go: a file, or a live link as a virtual sensor. */
    static final class Target {
        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "recording to write (.csv, or .csv.gz to compress)")
        Path out;

        @Option(names = "--serve-serial", required = true, paramLabel = "PORT",
                description = "be a virtual Midback sensor on this serial port, streaming in real time "
                        + "(e.g. one end of a socat pty pair; `midback live --port` the other end)")
        String serveSerial;

        @Option(names = "--serve-bluetooth", required = true,
                description = "be a virtual Midback sensor offering Bluetooth SPP (through Bluecove)")
        boolean serveBluetooth;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "Midback SPP",
            description = "SPP service name for --serve-bluetooth (default: ${DEFAULT-VALUE})")
    String serviceName;

    @Option(names = "--site", paramLabel = "SITE", defaultValue = "thorax",
            description = "where the virtual sensor of --serve-serial/--serve-bluetooth sits: thorax (default) or "
                    + "sacrum (the lower sensor of a two-sensor session: `midback live --lower-port`)")
    String site;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200",
            description = "baud rate for --serve-serial (default: ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "100", description = "sample rate (default: 100)")
    double rateHz;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "random seed (default: 1)")
    long seed;

    @Option(names = "--mount", paramLabel = "MOUNT", defaultValue = "upright",
            description = "upright (default), tilted20, turned90, upsidedown, or ROLL,PITCH,YAW degrees")
    String mount;

    @Option(names = "--magnetometer", description = "include magnetometer columns mx,my,mz (µT)")
    boolean magnetometer;

    @Option(names = "--start", paramLabel = "YYYY-MM-DDTHH:MM:SS",
            description = "local wall time of the first sample (default: the scenario's start, if any)")
    String start;

    @Option(names = "--truth-rate", paramLabel = "HZ", defaultValue = "10",
            description = "rows per second in the truth file (default: 10)")
    double truthRateHz;

    @Option(names = "--slump-threshold", paramLabel = "DEG", defaultValue = "15",
            description = "flexion beyond neutral that makes a true slump episode (default: 15)")
    double slumpThresholdDeg;

    @Option(names = "--slump-dwell", paramLabel = "S", defaultValue = "20",
            description = "how long it must last to count (default: 20)")
    double slumpDwellS;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "simulate only the scenario's first DURATION (e.g. 1h, 90s)")
    String duration;

    @Option(names = "--perfect", description = "a perfect sensor: no bias, drift or noise")
    boolean perfect;

    @Option(names = "--lower-out", paramLabel = "FILE2",
            description = "also a lower sensor on the sacrum (its pelvis moving on its own): its recording, with "
                    + "--out; the two name each other")
    Path lowerOut;

    @Option(names = "--lower-rate", paramLabel = "HZ", defaultValue = "100",
            description = "the lower sensor's nominal rate (default: ${DEFAULT-VALUE})")
    double lowerRateHz;

    @Option(names = "--lower-mount", paramLabel = "MOUNT", defaultValue = "upright",
            description = "the lower sensor's mounting on the sacrum, as --mount (default: ${DEFAULT-VALUE})")
    String lowerMount;

    @Option(names = "--lower-start", paramLabel = "S", defaultValue = "0",
            description = "the lower sensor starts this many seconds after the upper (default: ${DEFAULT-VALUE})")
    double lowerStartS;

    @Option(names = "--lower-clock-fast", paramLabel = "PERCENT", defaultValue = "0",
            description = "the lower sensor's clock runs this much fast against the upper's, %% (default: "
                    + "${DEFAULT-VALUE})")
    double lowerClockFastPct;

    @Override
    public Integer call() {
        refuseOptionsWithoutEffect();
        if (!(rateHz >= 1 && rateHz <= 1000)) {
            throw new UserException("--rate must be between 1 and 1000 Hz, not " + fmt(rateHz), 2, null);
        }
        if (!(truthRateHz > 0)) {
            throw new UserException("--truth-rate must be positive", 2, null);
        }
        Mounting mounting;
        SlumpEpisodes slumps;
        try {
            mounting = Mounting.parse(mount);
            slumps = new SlumpEpisodes(slumpThresholdDeg, slumpDwellS, SlumpEpisodes.DEFAULT.hysteresisDeg());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), 2, null);
        }
        Scenario sc;
        MobilityProtocol check = null;
        if (MOBILITY_CHECK.equals(scenario)) {
            if (duration != null) {
                throw UserException.usage("--duration does not apply to " + MOBILITY_CHECK + ": the check is as long "
                        + "as the person takes");
            }
            MobilityProtocol.Person person = MobilityProtocol.Person.random(seed);
            check = lowerOut != null ? MobilityProtocol.of(person, seed, PELVIS_SHARE) : MobilityProtocol.of(person, seed);
            sc = check.scenario();
        } else {
            try {
                sc = Scenario.load(scenario);
            } catch (ScenarioFormatException e) {
                throw new UserException(e.getMessage());
            }
        }
        if (duration != null) {
            try {
                sc = sc.truncated(Scenario.parseDuration(duration));
            } catch (IllegalArgumentException e) {
                throw new UserException("--duration: " + e.getMessage(), 2, null);
            }
        }
        LocalDateTime startTime = sc.start();
        if (start != null) {
            startTime = ReplayCommand.parseStart(start);
        }
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(rateHz).withSeed(seed).withMounting(mounting)
                .withMagnetometer(magnetometer).withErrors(perfect ? SensorErrors.NONE : SensorErrors.REALISTIC)
                .withSlumps(slumps);
        if (target.out == null) {
            return serve(sc, cfg);
        }
        Path out = target.out;
        SessionOptions.checkNotSameFile("--lower-out", lowerOut, out, "the upper sensor's --out");
        if (lowerOut != null) {
            int code = writePair(sc, cfg, out, startTime);
            writeRepetitions(check, out, true);
            return code;
        }
        Simulator sim = new Simulator(sc, cfg);
        PrintStream err = System.err;
        long t0 = System.nanoTime();
        SimulationFiles.Result r;
        try {
            r = SimulationFiles.write(sim, out, truthRateHz, startTime);
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage(), e);
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "simulate: %s, %d samples (%.1f s at %s Hz) in %.2f s -> %s%n", sc.name(),
                r.samples(), r.durationS(), fmt(rateHz), wallS, r.recording());
        err.printf(Locale.ROOT, "simulate: truth -> %s, %s%n", r.truth(), r.episodes());
        err.printf(Locale.ROOT, "simulate: %d true slump episodes (threshold %s°, dwell %s s)%n",
                r.slumpEpisodes().size(), fmt(slumpThresholdDeg), fmt(slumpDwellS));
        for (SlumpEpisode e : r.slumpEpisodes()) {
            err.printf(Locale.ROOT, "  %8.2f - %8.2f s  peak %.1f°%n", e.startS(), e.endS(), e.peakFlexionDeg());
        }
        writeRepetitions(check, out, false);
        return 0;
    }

    /**
     * An option that does nothing with the target given is refused in one line rather than ignored: --site places the
     * virtual sensor of --serve-serial/--serve-bluetooth (a file's lower sensor is --lower-out's), and the lower
     * sensor's options describe --lower-out's recording.
     */
    private void refuseOptionsWithoutEffect() {
        picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (target.out != null && parsed.hasMatchedOption("--site")) {
            throw UserException.usage("--site goes with --serve-serial or --serve-bluetooth (where the virtual sensor "
                    + "sits); with --out, --lower-out FILE2 writes the sacral sensor's recording");
        }
        if (target.out == null && lowerOut != null) {
            throw UserException.usage("--lower-out goes with --out (a recording pair); a virtual sensor on the sacrum "
                    + "is --site sacrum");
        }
        if (lowerOut == null) {
            for (String o : List.of("--lower-rate", "--lower-mount", "--lower-start", "--lower-clock-fast")) {
                if (parsed.hasMatchedOption(o)) {
                    throw UserException.usage(o + " goes with --lower-out (the lower sensor's recording)");
                }
            }
        }
    }

    /** A simulated mobility check's truth: every repetition's true peak to a file, the blocks on stderr. */
    private void writeRepetitions(MobilityProtocol check, Path out, boolean spine) {
        if (check == null) {
            return;
        }
        Path reps;
        try {
            reps = check.writeRepetitions(out, seed, spine);
        } catch (IOException e) {
            throw new UserException("cannot write " + MobilityProtocol.repetitionsPath(out) + ": " + e.getMessage(), e);
        }
        List<MobilityProtocol.PlannedBlock> blocks = check.blocks();
        System.err.printf(Locale.ROOT, "simulate: the mobility check's repetitions, true peaks%s -> %s; %d blocks:%n",
                spine ? " of the trunk and of the spine" : "", reps, blocks.size());
        for (MobilityProtocol.PlannedBlock b : blocks) {
            System.err.printf(Locale.ROOT, "  %8.2f - %8.2f s  %s%n", b.startS(), b.endS(), b.movement());
        }
    }

    /** The upper and the lower sensor of one wearer, each to its files. */
    private int writePair(Scenario sc, SimulatorConfig cfg, Path out, LocalDateTime startTime) {
        if (!(lowerRateHz >= 1 && lowerRateHz <= 1000)) {
            throw new UserException("--lower-rate must be between 1 and 1000 Hz, not " + fmt(lowerRateHz), 2, null);
        }
        SimulatorConfig lowerCfg;
        io.midback.sim.SensorClock clock;
        try {
            lowerCfg = cfg.withRate(lowerRateHz).withMounting(Mounting.parse(lowerMount));
            clock = new io.midback.sim.SensorClock(lowerStartS, lowerClockFastPct / 100);
        } catch (IllegalArgumentException e) {
            throw new UserException("--lower-mount/--lower-start/--lower-clock-fast: " + e.getMessage(), 2, null);
        }
        Simulator upper = new Simulator(sc, cfg);
        Simulator lower = new Simulator(sc, lowerCfg, io.midback.sim.Site.SACRUM, clock);
        SimulationFiles.PairResult r;
        try {
            r = SimulationFiles.writePair(upper, out, lower, lowerOut, truthRateHz, startTime);
        } catch (IOException e) {
            throw new UserException("cannot write " + out + " or " + lowerOut + ": " + e.getMessage(), e);
        }
        PrintStream err = System.err;
        for (SimulationFiles.Result x : List.of(r.upper(), r.lower())) {
            err.printf(Locale.ROOT, "simulate: %s, %d samples -> %s (truth %s)%n", sc.name(), x.samples(),
                    x.recording(), x.truth());
        }
        err.printf(Locale.ROOT, "simulate: %d true slump episodes by the spine between the sensors (threshold %s°, "
                + "dwell %s s)%n", r.lower().slumpEpisodes().size(), fmt(slumpThresholdDeg), fmt(slumpDwellS));
        return 0;
    }

    /** Streams the scenario in real time as a virtual sensor until its end (or Ctrl-C). */
    private int serve(Scenario sc, SimulatorConfig cfg) {
        PrintStream err = System.err;
        io.midback.sim.Site at = java.util.stream.Stream.of(io.midback.sim.Site.THORAX, io.midback.sim.Site.SACRUM)
                .filter(x -> x.name().equalsIgnoreCase(site.trim())).findFirst()
                .orElseThrow(() -> new UserException("--site must be thorax or sacrum, not " + site, 2, null));
        String name;
        java.util.function.Supplier<io.midback.transport.ByteTransport> transports;
        if (target.serveSerial != null) {
            String port = target.serveSerial;
            name = port;
            transports = () -> new io.midback.transport.SerialTransport(port, baud);
        } else {
            name = "SPP service \"" + serviceName + "\"";
            try {
                err.println("simulate: Bluetooth adapter " + io.midback.transport.BluetoothSppServer.localAddress()
                        + " offers " + name + "; waiting for a host to connect");
            } catch (io.midback.transport.TransportException e) {
                throw new UserException(e.getMessage(), e);
            }
            transports = () -> new io.midback.transport.BluetoothSppServer(serviceName);
        }
        io.midback.live.VirtualSensor sensor = new io.midback.live.VirtualSensor(sc, cfg, at,
                new io.midback.live.VirtualSensor.Events() {
                    @Override
                    public void onVibrate(io.midback.protocol.HostCommand.Vibrate v, double atS) {
                        err.printf(Locale.ROOT, "simulate: %8.2f s vibrate (pattern %d, %d ms, %d %%)%n", atS,
                                v.pattern(), v.durationMs(), v.intensityPct());
                    }

                    @Override
                    public void onCommand(io.midback.protocol.HostCommand c, double atS) {
                        String what = c instanceof io.midback.protocol.HostCommand.StartStreaming ? "start streaming"
                                : c instanceof io.midback.protocol.HostCommand.StopStreaming ? "stop streaming"
                                : c instanceof io.midback.protocol.HostCommand.SetRate r ? "rate " + r.rateHz() + " Hz"
                                : c.toString();
                        err.printf(Locale.ROOT, "simulate: %8.2f s %s%n", atS, what);
                    }

                    @Override
                    public void onLink(io.midback.transport.LinkState state, String reason) {
                        err.println("simulate: " + name + ": " + state.label()
                                + (reason == null || reason.isEmpty() || reason.equals(name) ? "" : " (" + reason + ")"));
                    }
                });
        Thread hook = new Thread(sensor::close, "midback-simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.printf(Locale.ROOT, "simulate: virtual sensor %s, %.1f s at %s Hz on %s; the scenario starts when the "
                + "host sends START (midback live does)%n", sc.name(), sc.durationS(), fmt(rateHz), name);
        try {
            sensor.serve(name, transports, io.midback.live.VirtualSensor.serveSettings());
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down
            }
        }
        err.printf(Locale.ROOT, "simulate: sent %d samples in %d frames; %d vibrations%n", sensor.samplesSent(),
                sensor.framesSent(), sensor.vibrations());
        return 0;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
