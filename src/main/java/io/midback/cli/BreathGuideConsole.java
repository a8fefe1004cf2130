package io.midback.cli;

import io.midback.app.BreathingExercise;
import io.midback.breathing.BreathPacer;
import io.midback.breathing.PacedBreathing;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The paced-breathing guide in a terminal, on its own thread (the session thread only updates the exercise): on a
 * terminal, one line redrawn ten times a second, a bar filling while inhaling and emptying while exhaling, with the
 * measured rate and the coherence; elsewhere (a pipe, a log), one line at each inhale and exhale.
 */
final class BreathGuideConsole implements AutoCloseable {
    static final long TICK_MS = 100;
    private static final int BAR = 20;

    private final PrintWriter err;
    private final BreathingExercise exercise;
    private final boolean animate;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "midback-breath-guide");
        t.setDaemon(true);
        return t;
    });
    private long strokes = -1;
    private boolean closed;

    BreathGuideConsole(PrintWriter err, BreathingExercise exercise, boolean animate) {
        this.err = err;
        this.exercise = exercise;
        this.animate = animate;
    }

    void start() {
        timer.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        BreathingExercise.Snapshot s = exercise.snapshot();
        if (s.running()) {
            show(s);
        }
    }

    private void show(BreathingExercise.Snapshot s) {
        BreathPacer p = s.pacer();
        double t = s.guideS();
        if (animate) {
            strokes = 0;
            synchronized (err) {
                err.print("\r" + bar(p, t) + "  " + figures(s) + "   ");
                err.flush();
            }
            return;
        }
        long stroke = (long) Math.floor(t / p.periodS()) * 2 + (p.inhaling(t) ? 0 : 1);
        if (stroke != strokes) {
            strokes = stroke;
            synchronized (err) {
                err.println(line(s));
                err.flush();
            }
        }
    }

    /** One line for a stroke's start: {@code [0:00:10] inhale 4 s · rate 6.1/min · coherence 0.92 (following)}. */
    static String line(BreathingExercise.Snapshot s) {
        BreathPacer p = s.pacer();
        double t = s.guideS();
        return String.format(Locale.ROOT, "[%s] %s %.0f s · %s", SessionConsole.clock(t),
                p.inhaling(t) ? "inhale" : "exhale", p.secondsLeftInStroke(t), figures(s));
    }

    /** The guide's bar: filling while inhaling, emptying while exhaling. */
    static String bar(BreathPacer p, double t) {
        int full = (int) Math.round(p.volume(t) * BAR);
        return String.format(Locale.ROOT, "%-6s %s%s %2.0f s", p.inhaling(t) ? "inhale" : "exhale",
                "█".repeat(full), "░".repeat(BAR - full), Math.ceil(p.secondsLeftInStroke(t)));
    }

    /** The measured rate and the coherence, as the guide shows them. */
    static String figures(BreathingExercise.Snapshot s) {
        String rate = Double.isNaN(s.ratePerMin()) ? "rate —" : String.format(Locale.ROOT, "rate %.1f/min",
                s.ratePerMin());
        String coherence = Double.isNaN(s.coherence()) ? "coherence —" : String.format(Locale.ROOT,
                "coherence %.2f%s", s.coherence(), s.coherence() >= PacedBreathing.FOLLOWS_FROM ? " (following)" : "");
        return rate + " · " + coherence;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow(); // a tick still drawing holds err's lock: the line below comes after it
        if (animate && strokes != -1) {
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }
}
