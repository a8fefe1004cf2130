package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;
import io.midback.posture.SedentaryBouts;

import java.util.List;

/**
 * Break reminders on sedentary time: a bout of sitting or standing still ({@link SedentaryBouts}, the one
 * definition of a bout and a break) that lasts {@code breakAfterS} brings a {@code break} alert naming a mid-back
 * mobility movement (the movements take turns), repeated every {@code breakRepeatS} while the bout goes on; a
 * break is movement for {@code breakEndsAfterS}. Whether the wearer sits or stands does not matter.
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
    private final SedentaryBouts bouts;
    private double nextReminderS;
    private int nextMovement;

    BreakPolicy(PostureSettings settings, AlertListener out) {
        this.s = settings;
        this.out = out;
        this.bouts = new SedentaryBouts(settings.breakEndsAfterS());
    }

    /** New thresholds and intervals from the next update on (the session's thread: {@link PostureEngine}). */
    void updateSettings(PostureSettings settings) {
        this.s = settings;
        bouts.setBreakS(settings.breakEndsAfterS());
    }

    void update(double tS, double dtS, PostureState state, boolean mayRemind) {
        if ((bouts.update(tS, dtS, state) & SedentaryBouts.BOUT_STARTED) != 0) {
            nextReminderS = tS + s.breakAfterS();
        }
        if (bouts.boutActive() && state.isSedentary() && mayRemind && tS >= nextReminderS) {
            String movement = MOVEMENTS.get(nextMovement);
            nextMovement = (nextMovement + 1) % MOVEMENTS.size();
            nextReminderS = tS + s.breakRepeatS();
            out.onAlert(new Alert(tS, AlertKind.BREAK, String.format(java.util.Locale.ROOT,
                    "Sitting or standing still for %.0f min: time for a short break. %s", (tS - bouts.boutStartS()) / 60,
                    movement)));
        }
    }

    /** A movement routine from {@code fromS} to {@code toS} was done to its end: a break ({@link SedentaryBouts#activeBreak}). */
    void activeBreak(double fromS, double toS) {
        bouts.activeBreak(fromS, toS);
    }

    /** Samples are missing from {@code fromS} to {@code toS}. */
    void gap(double fromS, double toS) {
        bouts.gap(fromS, toS);
    }
}
