package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;

import java.util.List;

/**
 * Break reminders: a sitting bout starts with the first sitting sample; standing, walking, lying or taking the
 * sensor off for {@code breakEndsAfterS} (2 min) or more ends it (shorter interruptions do not). After
 * {@code breakAfterS} of bout, while sitting, a {@code break} alert names a mid-back mobility movement (the
 * movements take turns), repeated every {@code breakRepeatS} while the bout goes on. {@code unknown} neither
 * sits nor breaks.
 */
final class BreakPolicy {
    /** Mobility movements for the thoracic spine, in the order the reminders suggest them. */
    static final List<String> MOVEMENTS = List.of(
            "Thoracic extension over the chair back: hands behind your head, lean back over the top of the "
                    + "backrest, 5 slow repetitions.",
            "Seated rotation: sit tall, arms crossed on your chest, turn your upper back slowly to each side, "
                    + "5 times each way.",
            "Cat-cow: stand with your hands on the desk, round your upper back, then arch it, 5 slow times.",
            "Side bends: stand or sit tall, reach one arm overhead and bend slowly to the other side, 5 times "
                    + "each side.");

    private PostureSettings s;
    private final AlertListener out;
    private boolean boutActive;
    private double boutStartS;
    private double breakSinceS = Double.NaN;
    private double nextReminderS;
    private int nextMovement;

    BreakPolicy(PostureSettings settings, AlertListener out) {
        this.s = settings;
        this.out = out;
    }

    /** New thresholds and intervals from the next update on (the session's thread: {@link PostureEngine}). */
    void updateSettings(PostureSettings settings) {
        this.s = settings;
    }

    void update(double tS, PostureState state, boolean mayRemind) {
        boolean sitting = state.isSitting();
        boolean onBreak = state == PostureState.STANDING || state == PostureState.WALKING
                || state == PostureState.LYING || state == PostureState.NOT_WORN;
        if (sitting) {
            breakSinceS = Double.NaN;
            if (!boutActive) {
                boutActive = true;
                boutStartS = tS;
                nextReminderS = tS + s.breakAfterS();
            }
        } else if (onBreak && boutActive) {
            if (Double.isNaN(breakSinceS)) {
                breakSinceS = tS;
            }
            if (tS - breakSinceS >= s.breakEndsAfterS()) {
                boutActive = false;
            }
        }
        if (boutActive && sitting && mayRemind && tS >= nextReminderS) {
            String movement = MOVEMENTS.get(nextMovement);
            nextMovement = (nextMovement + 1) % MOVEMENTS.size();
            nextReminderS = tS + s.breakRepeatS();
            out.onAlert(new Alert(tS, AlertKind.BREAK, String.format(java.util.Locale.ROOT,
                    "Sitting for %.0f min: time for a short break. %s", (tS - boutStartS) / 60, movement)));
        }
    }

    boolean boutActive() {
        return boutActive;
    }

    double boutStartS() {
        return boutStartS;
    }
}
