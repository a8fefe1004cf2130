package io.midback.mobility;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The guided check: prompts the wearer through the six directions, three repetitions each, counting them live from
 * the check's frames ({@link MobilityCheck} → this listener), and writes what it prompted as {@link MobilityEvent}s
 * for the recording and the analysis. Driven by sample time only, so it runs the same live, in a replay at any speed
 * and in tests.
 *
 * <p>A repetition is counted when the prompted direction's angle has gone at least
 * {@link MobilitySettings#repMinDeg()} from upright and come back within the "back to neutral" limit (the larger of
 * {@link MobilitySettings#notBackMinDeg()} and {@link MobilitySettings#notBackFraction()} of its peak); the next one
 * starts once the angle has risen {@link MobilitySettings#reversalMinDeg()} above its lowest since. It adapts:
 * out and back faster than {@link MobilitySettings#tooFastS()} is not counted and asks for a slower one; nothing
 * counted for {@link #MISSED_AFTER_S} is a miss and repeats the instruction, and the {@link #MISSES_BEFORE_SKIP}th
 * miss in a row skips the direction instead (two reminders, then the skip). {@link #requestStop} ends the check at
 * once (any thread); the reason {@link #STOP_HURTS} advises easing off or seeing a professional.
 */
public final class GuidedCheck implements MobilityListener {
    /** The order of the guided check. */
    public static final Direction[] ORDER = Direction.values();
    public static final int REPS_PER_DIRECTION = 3;
    /** Nothing counted for this long after a prompt or a repetition: the instruction is repeated, s. */
    public static final double MISSED_AFTER_S = 12;
    /** The miss (12 s with nothing counted) that skips the direction; the ones before it are reminders. */
    public static final int MISSES_BEFORE_SKIP = 3;
    /** The stop reason of the "stop: it hurts" action. */
    public static final String STOP_HURTS = "hurts";
    /** Why a check still running stops when its samples end (a replay, the simulated wearer, a recording). */
    public static final String SAMPLES_ENDED = "the samples ended";
    /** What the wearer is told when the check is stopped because it hurts. */
    public static final String HURTS_ADVICE = "Stopped because it hurts. Ease off: move only within what is "
            + "comfortable, and rest. Sharp pain, burning, tingling or nerve-like symptoms are a reason to see a "
            + "doctor or physiotherapist before trying again.";
    /** The warning given before the check starts. */
    public static final String WARNING = "Stop at once on sharp pain, burning, tingling or nerve-like symptoms "
            + "(type h and Enter: stop, it hurts).";

    /** Told what the check says and writes; called on the thread that feeds the frames. */
    public interface Listener {
        /** A prompt for the wearer. */
        void prompt(double tS, String text);

        /** A prompt as stored in the recording ({@code # event:}). */
        void event(MobilityEvent e);

        /** The check is over: {@code done}, {@code stop hurts}, {@code stop REASON}. */
        void finished(double tS, String how);
    }

    private enum Phase { CAPTURE, BLOCK, OVER }

    private final MobilitySettings settings;
    private final Listener listener;
    private volatile String stopRequested;
    private Phase phase = Phase.CAPTURE;
    private boolean toldToSitStill;
    private int block = -1;
    private int counted;
    private int misses;
    /** Directions skipped so far. */
    private int skipped;
    private boolean out;
    private double outStartS, peakDeg, lastActivityS, lastFrameS;
    /** The lowest angle since the last repetition came back: a new one starts from there (no double counting). */
    private double lowSinceRepDeg;
    private String how;

    public GuidedCheck(MobilitySettings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** Ends the check at the next frame (any thread); {@link #STOP_HURTS} when it hurts. */
    public void requestStop(String reason) {
        stopRequested = reason == null || reason.isBlank() ? "stopped" : reason.trim();
    }

    /**
     * The samples have ended (or the source was stopped): a check still running stops, for the reason asked
     * ({@link #requestStop}) or else {@code why}.
     */
    public void endOfStream(String why) {
        if (phase != Phase.OVER) {
            String stop = stopRequested;
            stop(lastFrameS, stop != null ? stop : why);
        }
    }

    public boolean isOver() {
        return phase == Phase.OVER;
    }

    /** How it ended ({@code done}, {@code stop hurts}, …); null while it runs. */
    public String how() {
        return how;
    }

    /** The direction prompted now; null before the first and after the last. */
    public Direction current() {
        return phase == Phase.BLOCK ? ORDER[block] : null;
    }

    @Override
    public void onFrame(MobilityFrame f) {
        if (phase == Phase.OVER) {
            return;
        }
        lastFrameS = f.tS;
        String stop = stopRequested;
        if (stop != null) {
            stop(f.tS, stop);
            return;
        }
        if (phase == Phase.CAPTURE) {
            if (!toldToSitStill) {
                toldToSitStill = true;
                listener.prompt(f.tS, "Sit on the front of the chair, feet flat, arms crossed on the chest. Sit "
                        + "upright and still: capturing the upright pose. " + WARNING);
            }
            if (f.captured) {
                listener.event(new MobilityEvent(f.tS, MobilityEvent.CAPTURE, ""));
                listener.prompt(f.tS, "Upright pose captured.");
                nextBlock(f.tS);
            }
            return;
        }
        Direction d = ORDER[block];
        double a = d.sign() * f.angleDeg(d.plane().axis());
        if (!out) {
            lowSinceRepDeg = Math.min(lowSinceRepDeg, a);
            if (a >= settings.repMinDeg() && a - lowSinceRepDeg >= settings.reversalMinDeg()) {
                out = true;
                outStartS = f.tS;
                peakDeg = a;
            } else if (f.tS - lastActivityS > MISSED_AFTER_S) {
                missed(f.tS, d);
            }
            return;
        }
        peakDeg = Math.max(peakDeg, a);
        if (a > Math.max(settings.notBackMinDeg(), settings.notBackFraction() * peakDeg)) {
            return;
        }
        out = false;
        lastActivityS = f.tS;
        lowSinceRepDeg = a;
        double durationS = f.tS - outStartS;
        if (durationS < settings.tooFastS()) {
            listener.prompt(f.tS, String.format(Locale.ROOT, "Too fast to measure (out and back in %.1f s): not "
                    + "counted. Slower please: about 2 s out, a moment there, 2 s back.", durationS));
            return;
        }
        counted++;
        misses = 0;
        listener.event(new MobilityEvent(f.tS, MobilityEvent.REP, d.jsonName()));
        if (counted < REPS_PER_DIRECTION) {
            listener.prompt(f.tS, String.format(Locale.ROOT, "%s %d of %d counted (%.0f°). Again.", name(d), counted,
                    REPS_PER_DIRECTION, peakDeg));
            return;
        }
        listener.prompt(f.tS, String.format(Locale.ROOT, "%s %d of %d counted (%.0f°). Done.", name(d), counted,
                REPS_PER_DIRECTION, peakDeg));
        listener.event(new MobilityEvent(f.tS, MobilityEvent.BLOCK_END, ""));
        nextBlock(f.tS);
    }

    private void missed(double tS, Direction d) {
        lastActivityS = tS;
        misses++;
        if (misses < MISSES_BEFORE_SKIP) {
            listener.prompt(tS, "No " + name(d).toLowerCase(Locale.ROOT) + " counted yet. " + sentence(instruction(d))
                    + " Go as far as is comfortable, hold a moment, and come right back to upright.");
            return;
        }
        listener.prompt(tS, "Skipping " + name(d).toLowerCase(Locale.ROOT) + " (" + counted + " counted).");
        skipped++;
        listener.event(new MobilityEvent(tS, MobilityEvent.BLOCK_END, ""));
        nextBlock(tS);
    }

    private void nextBlock(double tS) {
        block++;
        counted = 0;
        misses = 0;
        out = false;
        lastActivityS = tS;
        lowSinceRepDeg = 0;
        if (block >= ORDER.length) {
            listener.prompt(tS, skipped == 0 ? "All six directions done. Relax."
                    : "Check done: " + skippedOf(skipped) + ". Relax.");
            finish(tS, done(skipped));
            return;
        }
        phase = Phase.BLOCK;
        Direction d = ORDER[block];
        listener.event(new MobilityEvent(tS, MobilityEvent.BLOCK_START, d.jsonName()));
        listener.prompt(tS, name(d) + ", " + REPS_PER_DIRECTION + " times: " + instruction(d));
    }

    private void stop(double tS, String reason) {
        if (phase == Phase.BLOCK) {
            listener.event(new MobilityEvent(tS, MobilityEvent.BLOCK_END, ""));
        }
        listener.event(new MobilityEvent(tS, MobilityEvent.STOP, reason));
        if (reason.equals(STOP_HURTS)) {
            listener.prompt(tS, HURTS_ADVICE);
        } else {
            listener.prompt(tS, "Check stopped (" + reason + ").");
        }
        finish(tS, ended(reason));
    }

    /**
     * How a check that went through every direction ended: {@code done}, or {@code done, 4 of 6 directions skipped}
     * when {@code skipped} of them were skipped (fewer than {@link #REPS_PER_DIRECTION} repetitions counted).
     */
    public static String done(int skipped) {
        return skipped == 0 ? "done" : "done, " + skippedOf(skipped);
    }

    private static String skippedOf(int skipped) {
        return skipped + " of " + ORDER.length + " directions skipped";
    }

    /** How a check stopped for {@code reason} ended: {@code stop hurts}, {@code stop REASON}; {@link #SAMPLES_ENDED}. */
    public static String ended(String reason) {
        return reason.equals(SAMPLES_ENDED) ? SAMPLES_ENDED : "stop " + reason;
    }

    /** Whether a check that ended so ({@link #how}, {@link #ended}) was stopped because it hurts. */
    public static boolean hurt(String how) {
        return ended(STOP_HURTS).equals(how);
    }

    /**
     * How a recorded check ended, from its events: as its {@code stop} event says ({@link #ended(String)}), else
     * {@link #done(int)} when every direction's block ended (a direction's block that ended with fewer than
     * {@link #REPS_PER_DIRECTION} {@code rep}s was skipped), else {@link #SAMPLES_ENDED} (the recording ends
     * mid-check); {@code done} for a recording without prompts.
     */
    public static String ended(List<MobilityEvent> events) {
        Set<String> started = new HashSet<>();
        boolean open = false;
        String block = null;
        int reps = 0;
        int skipped = 0;
        for (MobilityEvent e : events) {
            switch (e.kind()) {
                case MobilityEvent.STOP:
                    return ended(e.detail().isEmpty() ? "stopped" : e.detail());
                case MobilityEvent.BLOCK_START:
                    started.add(e.detail());
                    open = true;
                    block = e.detail();
                    reps = 0;
                    break;
                case MobilityEvent.REP:
                    reps++;
                    break;
                case MobilityEvent.BLOCK_END:
                    if (open && Direction.byJsonName(block) != null && reps < REPS_PER_DIRECTION) {
                        skipped++;
                    }
                    open = false;
                    break;
                default:
                    break;
            }
        }
        if (started.isEmpty()) {
            return "done";
        }
        for (Direction d : ORDER) {
            if (!started.contains(d.jsonName()) && !started.contains(d.plane().jsonName())) {
                return SAMPLES_ENDED;
            }
        }
        return open ? SAMPLES_ENDED : done(skipped);
    }


    private void finish(double tS, String how) {
        phase = Phase.OVER;
        this.how = how;
        listener.finished(tS, how);
    }

    /** "Flexion", "Side bend left", … */
    public static String name(Direction d) {
        switch (d) {
            case FLEXION:
                return "Flexion";
            case EXTENSION:
                return "Extension";
            case SIDE_BEND_LEFT:
                return "Side bend left";
            case SIDE_BEND_RIGHT:
                return "Side bend right";
            case ROTATION_LEFT:
                return "Rotation left";
            default:
                return "Rotation right";
        }
    }

    /** {@code text} as a sentence of its own: its first letter capitalised. */
    private static String sentence(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** What to do, in the wearer's words, to follow a colon ("Flexion, 3 times: curl forward, …"). */
    public static String instruction(Direction d) {
        switch (d) {
            case FLEXION:
                return "curl forward, chin to chest, rolling down as far as is comfortable, then back to upright.";
            case EXTENSION:
                return "lift the chest and lean back, looking up, then back to upright.";
            case SIDE_BEND_LEFT:
                return "bend to the left, left shoulder towards the left hip, without turning, then back to "
                        + "upright.";
            case SIDE_BEND_RIGHT:
                return "bend to the right, right shoulder towards the right hip, without turning, then back to "
                        + "upright.";
            case ROTATION_LEFT:
                return "turn to the left: look behind you and bring your shoulders with you, then back to the "
                        + "front.";
            default:
                return "turn to the right: look behind you and bring your shoulders with you, then back to the "
                        + "front.";
        }
    }
}
