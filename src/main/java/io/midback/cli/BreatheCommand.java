package io.midback.cli;

import com.google.gson.JsonObject;
import io.midback.app.SessionBuilder;
import io.midback.breathing.BreathPacer;
import io.midback.breathing.PacedBreathing;
import io.midback.history.HistoryRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code midback breathe --port PORT | --bt DEVICE}: a paced-breathing exercise on a live sensor. It is a
 * {@code live} session (the same options, the same wiring, saved in the history) with the session's
 * {@link io.midback.app.BreathingExercise} started at the first sample: a guide on stderr (inhale / exhale), the
 * measured rate and the coherence with the guide as they go, and at the end the exercise beside the summary.
 */
@Command(name = "breathe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A paced-breathing exercise on a live sensor: breathe in while the guide says inhale, out "
                + "while it says exhale; it shows your measured rate and how well your breaths keep time with the "
                + "guide (coherence, 0 to 1). Sit still: the rate is only measured then. The exercise is saved in "
                + "the history with the session.",
                "Try it without hardware: socat -d -d pty,raw,echo=0,link=/tmp/a pty,raw,echo=0,link=/tmp/b & "
                        + "midback simulate paced-breathing --serve-serial /tmp/a & midback breathe --port /tmp/b"})
public final class BreatheCommand extends LiveCommand {
    /** The session goes on this long after the exercise's minutes (the link takes a moment to start). */
    static final double AFTER_S = 2;

    @Option(names = "--rate-per-min", paramLabel = "N",
            description = "The guide's pace, breaths per minute (3 to 30). Default: ${DEFAULT-VALUE}.")
    double ratePerMin = BreathPacer.DEFAULT_RATE_PER_MIN;

    @Option(names = "--minutes", paramLabel = "MIN", description = "How long the exercise lasts. Default: "
            + "${DEFAULT-VALUE}.")
    double minutes = 5;

    private final AtomicReference<PacedBreathing.Result> result = new AtomicReference<>();
    private BreathPacer pacer;
    private BreathGuideConsole guide;

    @Override
    public Integer call() {
        try {
            pacer = new BreathPacer(ratePerMin);
        } catch (IllegalArgumentException e) {
            throw UserException.usage("--rate-per-min: " + e.getMessage());
        }
        if (!(minutes > 0) || Double.isInfinite(minutes)) {
            throw UserException.usage("--minutes must be a positive number of minutes, not "
                    + SessionConsole.number(minutes));
        }
        if (durationS != null) {
            throw UserException.usage("--duration: breathe lasts --minutes");
        }
        durationS = minutes * 60 + AFTER_S;
        options.quiet = true; // the guide has the terminal
        try {
            return super.call();
        } finally {
            if (guide != null) {
                guide.close();
            }
        }
    }

    @Override
    void extendSession(SessionBuilder session, HistoryRecorder history, PrintWriter err) {
        session.exercise().addListener(result::set);
        session.exercise().start(pacer, minutes * 60);
        guide = new BreathGuideConsole(err, session.exercise(), System.console() != null);
        guide.start();
    }

    @Override
    void extendSummary(PrintWriter out, JsonObject json) {
        guide.close();
        PacedBreathing.Result r = result.get();
        if (json == null) {
            out.println("breathing exercise: " + (r == null ? "none (no samples)" : r.describe()));
            return;
        }
        JsonObject e = new JsonObject();
        e.addProperty("targetRatePerMin", pacer.ratePerMin());
        if (r != null) {
            e.addProperty("durationS", Math.round(r.durationS() * 10) / 10.0);
            e.addProperty("ratePerMin", r.ratePerMin());
            e.addProperty("coherence", r.coherence());
            e.addProperty("breaths", r.breaths());
        }
        json.add("exercise", e);
    }
}
