package io.midback.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.midback.app.SessionBuilder;
import io.midback.app.SessionRoutine;
import io.midback.app.MobilityHistory;
import io.midback.history.HistoryException;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.mobility.Direction;
import io.midback.mobility.MobilityCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.orientation.OrientationFilter;
import io.midback.routine.RoutineAnalysis;
import io.midback.routine.RoutineEvents;
import io.midback.routine.RoutineTrack;
import io.midback.mobility.MobilitySettings;
import io.midback.routine.Exercise;
import io.midback.routine.ExerciseResult;
import io.midback.routine.RangeTargets;
import io.midback.routine.Routine;
import io.midback.routine.RoutineFile;
import io.midback.routine.RoutineListener;
import io.midback.routine.RoutineResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code midback routine --port PORT | --bt DEVICE}: a guided routine on a live sensor. It is a {@code live}
 * session (the same options, the same wiring, saved in the history) playing the session's routine
 * ({@link SessionRoutine}, as the window does):
 * prompts, the pacer's cues, each repetition and the feedback on stderr; typed commands on stdin ({@code s} skip,
 * {@code r} repeat, {@code h} stop: it hurts, {@code q} stop); the routine in the history; its exercises at the
 * end of the summary.
 */
@Command(name = "routine", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A guided routine on a live sensor: each exercise's start position is captured as its own "
                + "neutral, repetitions are counted with the range of each, and the feedback says what to change. "
                + "Type s and Enter to skip an exercise, r to repeat it, h to stop because it hurts, q to stop.",
                "Routines: daily (10-15 min), desk (2-3 min), or a routine file (see the README, 'Daily routine')."})
public final class RoutineCommand extends LiveCommand {

    @Option(names = "--routine", paramLabel = "NAME-OR-FILE",
            description = "daily, desk, or a routine file. Default: daily (with --analyse: the routine the "
                    + "recording names, else daily).")
    String routineName;

    @Option(names = "--analyse", paramLabel = "FILE",
            description = "Analyse a recorded routine (canonical CSV, .csv or .csv.gz; or a byte capture with "
                    + "--format): its exercises from the player's '# event:' lines, else recognised from the motion "
                    + "(in the order of --routine); per exercise the repetitions, each one's range and duration, "
                    + "and the notes. With --json, one JSON object.")
    Path analyse;

    @Option(names = "--only", paramLabel = "NAMES", split = ",",
            description = "These exercises of the routine, in this order (reorders and leaves out).")
    List<String> only;

    @Option(names = "--target", paramLabel = "DIRECTION=DEG",
            description = "A range measured by a mobility check (rotationLeft=40, sideBendRight=30, …): the routine "
                    + "never asks for more. Repeatable.")
    Map<String, Double> targets;

    /** Where the typed commands come from (tests give their own: a test JVM's stdin is its runner's). */
    InputStream stdin = System.in;

    private final AtomicReference<RoutineResult> result = new AtomicReference<>();
    private Routine routine;
    private RangeTargets ranges;

    @Override
    public Integer call() {
        if (analyse != null) {
            refuseLiveOptions();
            return analyse();
        }
        requireSource(); // before the history's goals are read and said
        if (routineName == null) {
            routineName = "daily";
        }
        try {
            routine = select(RoutineFile.load(routineName), only);
        } catch (IOException e) {
            throw new UserException(routineName + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
        ranges = targets != null && !targets.isEmpty() ? parseTargets(targets) : fromHistory();
        if (durationS == null) {
            durationS = routine.plannedMinutes() * 60 * 3 + 120; // a cap: the routine's end stops the session
        }
        options.quiet = true; // the routine has the terminal
        return super.call();
    }

    static Routine select(Routine r, List<String> names) {
        if (names == null || names.isEmpty()) {
            return r;
        }
        List<Exercise> chosen = new ArrayList<>();
        for (String n : names) {
            Exercise e = r.exercises().stream().filter(x -> x.name().equals(n.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--only: the routine " + r.name()
                            + " has no exercise '" + n.strip() + "'"));
            chosen.add(e);
        }
        return r.withExercises(chosen);
    }

    /** The latest mobility check's ranges when the history holds one (it is only read), else the routine's goals. */
    private RangeTargets fromHistory() {
        Path db = saving.pathOrNull();
        if (db == null || !Files.isRegularFile(db)) {
            return RangeTargets.none();
        }
        try (HistoryStore store = HistoryStore.openForReading(db)) {
            List<MobilityRecord> checks = store.mobilityChecks();
            if (!checks.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("routine: the goals go no further than your last mobility check ("
                        + checks.get(checks.size() - 1).describe().strip() + ")");
                err.flush();
            }
            return MobilityHistory.targets(checks);
        } catch (HistoryException e) {
            throw new UserException(e.getMessage() + " (or run with --no-history)", e);
        }
    }

    static RangeTargets parseTargets(Map<String, Double> given) {
        Map<Direction, Double> m = new EnumMap<>(Direction.class);
        if (given != null) {
            given.forEach((k, v) -> {
                Direction d = Direction.byJsonName(k);
                if (d == null || !(v > 0)) {
                    throw UserException.usage("--target " + k + "=" + v + ": give a direction (flexion, extension, "
                            + "sideBendLeft, sideBendRight, rotationLeft, rotationRight) and a positive range");
                }
                m.put(d, v);
            });
        }
        return RangeTargets.of(m);
    }

    /**
     * The routine is the session's own ({@link SessionBuilder#routine()}), as in the window: it is written in the
     * history, and done to its end it is a break for the reminders and the history.
     */
    @Override
    void extendSession(SessionBuilder session, HistoryRecorder history, PrintWriter err) {
        SessionRoutine routine = session.routine();
        routine.start(this.routine, ranges, new Console(err));
        typedCommands(routine, stdin);
    }

    /** The routine's lines on stderr, and the session stopped when it is over. */
    private final class Console implements RoutineListener {
        private final PrintWriter err;

        Console(PrintWriter err) {
            this.err = err;
        }

        private void line(String s) {
            synchronized (err) {
                err.println("routine: " + s);
                err.flush();
            }
        }

        @Override
        public void onPrompt(String text) {
            line(text);
        }

        @Override
        public void onCue(String cue) {
            line("· " + cue);
        }

        @Override
        public void onRep(Exercise exercise, int n, double rangeDeg) {
            line(String.format(Locale.ROOT, "%s %d/%d: %.0f°", exercise.name(), n, exercise.reps(), rangeDeg));
        }

        @Override
        public void onFeedback(String text) {
            line(text);
        }

        @Override
        public void onEvent(MobilityEvent e) {
            noteInRecording(MobilityEvent.KEY, e.toValue());
        }

        @Override
        public void onExerciseEnd(ExerciseResult r) {
            line(r.describe());
        }

        @Override
        public void onEnd(RoutineResult r) {
            result.set(r);
            line(r.routine() + " " + r.how() + ": " + r.totalReps() + " repetitions in "
                    + String.format(Locale.ROOT, "%.1f min", r.minutes()));
            stopSession("routine " + r.how());
        }
    }

    /** Typed commands on their own thread: s skip, r repeat, h stop (it hurts), q stop. */
    private static void typedCommands(SessionRoutine player, InputStream stdin) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && player.snapshot().result() == null) {
                    String c = line.strip().toLowerCase(Locale.ROOT);
                    if (c.startsWith("s")) {
                        player.skip();
                    } else if (c.startsWith("r")) {
                        player.repeat();
                    } else if (c.startsWith("h")) {
                        player.stopItHurts();
                    } else if (c.startsWith("q")) {
                        player.stop();
                    }
                }
            } catch (IOException e) {
                // no terminal to read: the routine runs without typed commands
            }
        }, "midback-routine-keys");
        t.setDaemon(true);
        t.start();
    }

    @Override
    void extendSummary(PrintWriter out, JsonObject json) {
        RoutineResult r = result.get();
        if (r == null) {
            return;
        }
        if (json == null) {
            out.println("routine " + r.describe());
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("routine", r.routine());
        o.addProperty("ended", r.how());
        o.addProperty("minutes", Math.round(r.minutes() * 100) / 100.0);
        o.add("exercises", exercisesJson(r.exercises()));
        json.add("routine", o);
    }

    /** The exercises as JSON: {@code [{name, startS, endS, reps, repRangesDeg, repDurationsS, notes, ended}, …]}. */
    static JsonArray exercisesJson(List<ExerciseResult> exercises) {
        JsonArray list = new JsonArray();
        for (ExerciseResult e : exercises) {
            JsonObject x = new JsonObject();
            x.addProperty("name", e.name());
            x.addProperty("startS", Math.round(e.startS() * 100) / 100.0);
            x.addProperty("endS", Math.round(e.endS() * 100) / 100.0);
            x.addProperty("reps", e.reps());
            x.add("repRangesDeg", rounded(e.repRangesDeg(), 10));
            x.add("repDurationsS", rounded(e.repDurationsS(), 100));
            JsonArray notes = new JsonArray();
            e.notes().forEach(notes::add);
            x.add("notes", notes);
            x.addProperty("ended", e.ended());
            list.add(x);
        }
        return list;
    }

    private static JsonArray rounded(double[] values, double scale) {
        JsonArray a = new JsonArray();
        for (double d : values) {
            a.add(Math.round(d * scale) / scale);
        }
        return a;
    }

    /** What {@code routine --analyse} reads; every other option is the live routine's. */
    private static final java.util.Set<String> ANALYSE_OPTIONS = java.util.Set.of("--analyse", "--routine", "--only",
            "--target", "--format", "--rate", "--json", "--no-history", "--help", "--version");

    /** A live routine's option given with --analyse (a port, --record, --duration, …): refused rather than ignored. */
    private void refuseLiveOptions() {
        for (picocli.CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!ANALYSE_OPTIONS.contains(o.longestName())) {
                throw UserException.usage(o.longestName() + " goes with a live routine (--port or --bt), not with "
                        + "--analyse (a recorded routine)");
            }
        }
    }

    /** {@code routine --analyse FILE}: the exercises of a recorded routine. */
    private int analyse() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        CheckRecording recording = new CheckRecording(analyse, format, rateHz == null ? null : rateHz.doubleValue());
        MobilitySettings settings = MobilitySettings.defaults();
        OrientationFilter filter = MobilityCheck.defaultFilter(recording.nominalRateHz());
        RoutineTrack track = new RoutineTrack(filter);
        List<MobilityEvent> events;
        try {
            events = recording.read(new MobilityCheck(settings, filter, track), err);
        } catch (IOException e) {
            throw new UserException(analyse + ": " + UserException.reason(e), e);
        }
        String name = routineName;
        if (name == null) {
            name = events.stream().filter(e -> e.kind().equals(RoutineEvents.ROUTINE_START)).map(MobilityEvent::detail)
                    .filter(RoutineFile.BUILT_IN::contains).findFirst().orElse("daily");
        }
        Routine r;
        try {
            r = select(RoutineFile.load(name), only);
        } catch (IOException e) {
            throw new UserException(name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
        RoutineAnalysis.Result result = RoutineAnalysis.analyse(track, events, r, parseTargets(targets), settings);
        if (options.json) {
            JsonObject o = new JsonObject();
            o.addProperty("routine", r.name());
            o.addProperty("found", result.found());
            o.add("exercises", exercisesJson(result.exercises()));
            JsonArray notes = new JsonArray();
            result.notes().forEach(notes::add);
            o.add("notes", notes);
            out.println(o);
        } else {
            out.println("routine " + r.name() + " (exercises " + (result.found().equals("events")
                    ? "from the recording's events" : result.found()) + "):");
            for (ExerciseResult e : result.exercises()) {
                out.println("  " + e.describe());
                double[] d = e.repDurationsS();
                if (d.length > 0) {
                    StringBuilder sb = new StringBuilder("    durations");
                    for (double v : d) {
                        sb.append(String.format(Locale.ROOT, " %.1f", v));
                    }
                    out.println(sb.append(" s"));
                }
                e.notes().forEach(n -> out.println("    " + n));
            }
            result.notes().forEach(n -> out.println("note: " + n));
        }
        out.flush();
        err.flush();
        return 0;
    }
}
