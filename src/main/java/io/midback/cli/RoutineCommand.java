package io.midback.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.midback.app.Pipeline;
import io.midback.app.SessionBuilder;
import io.midback.history.HistoryRecorder;
import io.midback.mobility.Direction;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilitySettings;
import io.midback.routine.Exercise;
import io.midback.routine.ExerciseResult;
import io.midback.routine.RangeTargets;
import io.midback.routine.Routine;
import io.midback.routine.RoutineFile;
import io.midback.routine.RoutineListener;
import io.midback.routine.RoutinePlayer;
import io.midback.routine.RoutineResult;
import io.midback.sensor.SampleSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code midback routine --port PORT | --bt DEVICE}: a guided routine on a live sensor. It is a {@code live}
 * session (the same options, the same wiring, saved in the history) with a {@link RoutinePlayer} in front of it:
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

    @Option(names = "--routine", paramLabel = "NAME-OR-FILE", defaultValue = "daily",
            description = "daily, desk, or a routine file. Default: ${DEFAULT-VALUE}.")
    String routineName;

    @Option(names = "--only", paramLabel = "NAMES", split = ",",
            description = "These exercises of the routine, in this order (reorders and leaves out).")
    List<String> only;

    @Option(names = "--target", paramLabel = "DIRECTION=DEG",
            description = "A range measured by a mobility check (rotationLeft=40, sideBendRight=30, …): the routine "
                    + "never asks for more. Repeatable.")
    Map<String, Double> targets;

    private final AtomicReference<RoutineResult> result = new AtomicReference<>();
    private Routine routine;
    private RangeTargets ranges;
    private RoutinePlayer player;

    @Override
    public Integer call() {
        try {
            routine = select(RoutineFile.load(routineName), only);
        } catch (IOException e) {
            throw new UserException(routineName + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw UserException.usage(e.getMessage());
        }
        ranges = parseTargets(targets);
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

    @Override
    void extendSession(SessionBuilder session, HistoryRecorder history, PrintWriter err) {
        player = new RoutinePlayer(routine, ranges, MobilitySettings.defaults(), session.spec().rateHz(),
                new Console(err, history));
        session.addStreamListener(new Pipeline.StreamListener() {
            @Override
            public void end(double lastS) {
                player.end(); // the source ended first: what was done is kept and saved
            }
        });
        typedCommands(player);
    }

    @Override
    SampleSink extendInput(SampleSink session) {
        return player.beside(session);
    }

    /** The routine's lines on stderr, its end in the history, and the session stopped when it is over. */
    private final class Console implements RoutineListener {
        private final PrintWriter err;
        private final HistoryRecorder history;

        Console(PrintWriter err, HistoryRecorder history) {
            this.err = err;
            this.history = history;
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
            if (history != null) {
                history.onRoutine(r.startS(), r.endS(), r.describe());
            }
            line(r.routine() + " " + r.how() + ": " + r.totalReps() + " repetitions in "
                    + String.format(Locale.ROOT, "%.1f min", r.minutes()));
            stopSession("routine " + r.how());
        }
    }

    /** Typed commands on their own thread: s skip, r repeat, h stop (it hurts), q stop. */
    private static void typedCommands(RoutinePlayer player) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && !player.isDone()) {
                    String c = line.strip().toLowerCase(Locale.ROOT);
                    if (c.startsWith("s")) {
                        player.skip();
                    } else if (c.startsWith("r")) {
                        player.repeat();
                    } else if (c.startsWith("h")) {
                        player.stopItHurts();
                    } else if (c.startsWith("q")) {
                        player.requestEnd();
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
        JsonArray list = new JsonArray();
        for (ExerciseResult e : r.exercises()) {
            JsonObject x = new JsonObject();
            x.addProperty("name", e.name());
            x.addProperty("startS", Math.round(e.startS() * 100) / 100.0);
            x.addProperty("endS", Math.round(e.endS() * 100) / 100.0);
            x.addProperty("reps", e.reps());
            JsonArray rr = new JsonArray();
            for (double d : e.repRangesDeg()) {
                rr.add(Math.round(d * 10) / 10.0);
            }
            x.add("repRangesDeg", rr);
            JsonArray notes = new JsonArray();
            e.notes().forEach(notes::add);
            x.add("notes", notes);
            x.addProperty("ended", e.ended());
            list.add(x);
        }
        o.add("exercises", list);
        json.add("routine", o);
    }
}
