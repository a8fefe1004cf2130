package io.midback.cli;

import io.midback.app.GuidedMobility;
import io.midback.app.PacedSink;
import io.midback.app.Pacing;
import io.midback.app.SessionBuilder;
import io.midback.app.SessionSpec;
import io.midback.app.UserSettings;
import io.midback.history.HistoryException;
import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.live.LiveRecorder;
import io.midback.live.LiveSession;
import io.midback.live.SensorLink;
import io.midback.mobility.GuidedCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilityResult;
import io.midback.orientation.OrientationFilters;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.CsvSampleWriter;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleSink;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import io.midback.transport.BluetoothDiscovery;
import io.midback.transport.BluetoothTransport;
import io.midback.transport.ByteTransport;
import io.midback.transport.SerialTransport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The guided mobility check in the terminal: a session described once ({@link SessionSpec}: a serial port, a
 * Bluetooth device, the simulated wearer or a recording replayed at a speed) and built by {@link SessionBuilder},
 * with the check ({@link GuidedMobility}) beside posture and its {@link GuidedCheck} prompting on stderr. Typed commands
 * (a line on stdin): {@code h} stop, it hurts; {@code s} stop. Ctrl-C stops too. The prompts go live into the
 * recording ({@code --record}) as {@code # event:} lines; at the end the analysis (from the prompts' events), and
 * the check is saved in the history.
 */
final class GuidedCheckRun {
    /**
     * What to run on: exactly one of port, bt, simulate, replay. For the simulated wearer, {@code start} (null: now)
     * is when the check takes place and {@code rotationDeg} (null: the seed's) the person's rotation each way.
     */
    record Source(String port, String bt, boolean simulate, Path replay, double speed, long seed, double rateHz,
                  LocalDateTime start, Double rotationDeg) {
    }

    private final Source source;
    private final Path record;
    private final Path historyDb;
    private final boolean json;
    private final InputStream stdin;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile Runnable stopSource = () -> { };

    GuidedCheckRun(Source source, Path record, Path historyDb, boolean json, InputStream stdin, PrintWriter out,
                   PrintWriter err) {
        this.source = source;
        this.record = record;
        this.historyDb = historyDb;
        this.json = json;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    /** Opens the history first (a file that is none fails here, not after the check), then runs the check. */
    int run() {
        try (HistoryStore store = openHistory()) {
            return run(store);
        }
    }

    /** The history to save the check in, null without one; as a user error when it cannot be opened. */
    private HistoryStore openHistory() {
        if (historyDb == null) {
            return null;
        }
        try {
            return HistoryStore.open(historyDb);
        } catch (HistoryException e) {
            throw new UserException(e.getMessage() + " (or run with --no-history)", e);
        }
    }

    private int run(HistoryStore store) {
        Clock clock = Clock.systemDefaultZone();
        ZoneId zone = clock.getZone();
        Instant start = source.start() != null ? source.start().atZone(zone).toInstant() : Instant.now(clock);
        SessionSpec spec = describe(start, zone);
        SessionBuilder session = new SessionBuilder(spec);
        CsvSampleWriter[] writer = {null};
        LiveRecorder[] liveRecorder = {null};
        GuidedMobility check = new GuidedMobility(spec.rateHz(), new GuidedCheck.Listener() {
            @Override
            public void prompt(double tS, String text) {
                synchronized (err) {
                    err.printf(Locale.ROOT, "[%6.1f s] %s%n", tS, text);
                    err.flush();
                }
            }

            @Override
            public void event(MobilityEvent e) {
                if (writer[0] != null) {
                    writer[0].comment(MobilityEvent.KEY, e.toValue());
                } else if (liveRecorder[0] != null) {
                    liveRecorder[0].note(MobilityEvent.KEY, e.toValue());
                }
            }

            @Override
            public void finished(double tS, String how) {
                stopSource.run();
            }
        });
        GuidedCheck guide = check.guide();
        boolean live = source.port() != null || source.bt() != null;
        if (record != null) {
            RecordingMetadata meta = RecordingMetadata.empty().with(RecordingMetadata.DEVICE, spec.device())
                    .with(RecordingMetadata.RATE_HZ, SessionConsole.number(spec.rateHz()))
                    .with(RecordingMetadata.START, LocalDateTime.ofInstant(start, zone)
                            .truncatedTo(ChronoUnit.MILLIS).toString());
            try {
                if (live) {
                    liveRecorder[0] = new LiveRecorder(record, facts -> meta.with(RecordingMetadata.RATE_HZ,
                            SessionConsole.number(facts.rateHz())), null);
                } else {
                    writer[0] = CsvSampleWriter.create(record, meta, false);
                    session.addSampleSink(writer[0]);
                    session.closing(writer[0]);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new UserException("cannot record: " + e.getMessage(), e);
            }
        }
        session.addSampleSink(check);
        SampleSink input = session.start();
        Thread keys = typedCommands(guide);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            guide.requestStop("interrupted");
            stopSource.run();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "midback-mobility-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        MobilityResult result;
        try {
            err.println("midback mobility: guided check on " + spec.name() + (live ? "" : " at "
                    + Pacing.label(source.speed())) + ". Type h and Enter to stop because it hurts, s and Enter to "
                    + "stop.");
            err.flush();
            String why = stream(input, live, spec, liveRecorder[0], clock);
            session.close();
            guide.endOfStream(why);
            result = check.result();
            report(result, guide);
            save(result, guide, spec, store);
        } finally {
            session.close();
            keys.interrupt();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running and waits for us
            }
        }
        return 0;
    }

    private SessionSpec describe(Instant start, ZoneId zone) {
        UserSettings user = UserSettings.load();
        if (source.replay() != null) {
            return SessionSpec.ofRecording(source.replay(), null, null, zone, OrientationFilters.DEFAULT,
                    user.posture(), err::println);
        }
        if (source.simulate()) {
            return SessionSpec.simulator("mobility-check", source.rateHz(), false, start, zone,
                    OrientationFilters.DEFAULT, user.posture());
        }
        return SessionSpec.live(source.port() != null ? SessionSpec.Kind.SERIAL : SessionSpec.Kind.BLUETOOTH,
                source.port() != null ? source.port() : source.bt(), null, start, zone, OrientationFilters.DEFAULT,
                user.posture());
    }

    /** Streams the source into the session until it ends or the check is over; returns why it ended. */
    private String stream(SampleSink input, boolean live, SessionSpec spec, LiveRecorder recorder, Clock clock) {
        if (live) {
            return streamLive(input, spec, recorder, clock);
        }
        Pacing pacing = new Pacing(source.speed(), () -> stopped);
        stopSource = () -> stopped = true;
        PacedSink paced = new PacedSink(input, pacing, 0.02);
        try {
            if (source.replay() != null) {
                CsvSampleReader.of(source.replay()).read(paced);
            } else {
                MobilityProtocol.Person person = MobilityProtocol.Person.random(source.seed());
                if (source.rotationDeg() != null) {
                    person = person.withRotationDeg(source.rotationDeg());
                }
                MobilityProtocol p = MobilityProtocol.guided(person, source.seed());
                new Simulator(p.scenario(), SimulatorConfig.defaults().withRate(source.rateHz())
                        .withSeed(source.seed())).run(paced);
            }
            return GuidedCheck.SAMPLES_ENDED;
        } catch (PacedSink.Stopped e) {
            input.end();
            return "stopped";
        }
    }

    private volatile boolean stopped;

    private String streamLive(SampleSink input, SessionSpec spec, LiveRecorder recorder, Clock clock) {
        String name = spec.device();
        Supplier<ByteTransport> transports;
        if (source.port() != null) {
            transports = () -> new SerialTransport(name, 115200);
        } else {
            String url;
            try {
                url = BluetoothDiscovery.resolve(name, Duration.ofSeconds(15));
            } catch (IOException e) {
                throw new UserException(e.getMessage(), e);
            }
            transports = () -> new BluetoothTransport(url);
        }
        LiveSession[] holder = {null};
        SensorLink link = new SensorLink(name, transports, SensorLink.defaultLinkSettings(), null, spec.rateHz(), 0,
                m -> { }, why -> holder[0].requestStop(why));
        LiveSession live = new LiveSession(link.config(), input, recorder,
                new LinkStatePrinter(err, "mobility", name, clock));
        holder[0] = live;
        stopSource = () -> live.requestStop("check over");
        try {
            live.start();
            return live.await(0);
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            live.close();
        }
    }

    /** Reads typed commands on their own thread: {@code h} it hurts, {@code s} stop. */
    private Thread typedCommands(GuidedCheck guide) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String c = line.trim().toLowerCase(Locale.ROOT);
                    if (c.startsWith("h")) {
                        guide.requestStop(GuidedCheck.STOP_HURTS);
                        return;
                    }
                    if (c.startsWith("s") || c.startsWith("q")) {
                        guide.requestStop("by the wearer");
                        return;
                    }
                }
            } catch (IOException e) {
                // no terminal to read: the check runs without typed commands
            }
        }, "midback-mobility-keys");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void report(MobilityResult result, GuidedCheck guide) {
        report(result.toJson(), result.toLines(), guide.how(), json, out, err);
    }

    /**
     * A check's result and how it ended ({@code how}: {@code done}, {@code stop hurts}, …): with {@code json} the
     * result's JSON with {@code "ended"}, else {@code mobility check: HOW} and the lines; when it hurt, the advice on
     * {@code err}.
     */
    static void report(String resultJson, List<String> lines, String how, boolean json, PrintWriter out,
                       PrintWriter err) {
        if (json) {
            com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(resultJson).getAsJsonObject();
            o.addProperty("ended", how);
            out.println(o);
        } else {
            out.println("mobility check: " + how);
            lines.forEach(out::println);
        }
        out.flush();
        if (GuidedCheck.hurt(how)) {
            err.println("midback mobility: " + GuidedCheck.HURTS_ADVICE);
            err.flush();
        }
    }

    private void save(MobilityResult result, GuidedCheck guide, SessionSpec spec, HistoryStore store) {
        if (store == null) {
            return;
        }
        MobilityRecord r = GuidedMobility.record(result, guide, spec.start(), spec.zone(), spec.device(),
                spec.name());
        try {
            MobilityRecord saved = store.saveMobilityCheck(r);
            err.println("midback mobility: saved in the history as check " + saved.id() + " (" + historyDb + ")");
        } catch (HistoryException e) {
            throw new UserException(e.getMessage() + " (or run with --no-history)", e);
        }
        err.flush();
    }
}
