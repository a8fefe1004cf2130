package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.SlumpRule;

import java.util.Locale;

/**
 * Slump episodes and their alerts, on plain values. What a slump is, is the {@link SlumpRule}'s: it starts when
 * flexion reaches the threshold and counts once it has held for the dwell. An episode is such a slump until
 * flexion has stayed below threshold − hysteresis for the recovery time (its end is when it went below). The first
 * alert comes at start + dwell unless the cooldown since the previous episode's alert, a snooze or staleness
 * holds it back (it then comes when they end, if the slump lasts); escalations follow every
 * {@code escalateEveryS} while the slump lasts, at most {@code maxEscalations}; a {@code corrected} alert
 * confirms the recovery of an alerted slump. Only sedentary time counts (sitting, or standing still: a slump
 * at a standing desk is a slump); walking, lying, the sensor off or an unknown state end an open episode.
 */
final class SlumpPolicy {
    private PostureSettings s;
    private final AlertListener out;
    /** The slump itself (when it starts and holds); this class adds what is the alerts' own. */
    private final SlumpRule rule;
    /**
     * A slump held (the rule's), and it is not over: flexion has not stayed below its end for the recovery. The
     * rule runs on meanwhile (a dip and a new reach within the recovery are one episode); the episode's end resets it.
     */
    private boolean inEpisode;
    private double startS, peakDeg;
    private double belowSinceS = Double.NaN;
    private boolean alerted;
    private int escalations;
    private double lastAlertS;
    private double lastFirstAlertS = Double.NEGATIVE_INFINITY;

    SlumpPolicy(PostureSettings settings, AlertListener out) {
        this.s = settings;
        this.out = out;
        this.rule = new SlumpRule(settings);
    }

    /** New thresholds and intervals from the next update on (the session's thread: {@link PostureEngine}). */
    void updateSettings(PostureSettings settings) {
        this.s = settings;
        rule.use(settings);
    }

    /**
     * @param sedentary      whether the wearer sits or stands still (slumps count only then)
     * @param mayNag         slump and escalation alerts allowed now (not snoozed, not stale)
     * @param mayConfirm     corrected alerts allowed now (not snoozed)
     */
    void update(double tS, double flexionDeg, boolean sedentary, boolean mayNag, boolean mayConfirm) {
        if (!sedentary) {
            close(Double.isNaN(belowSinceS) ? tS : belowSinceS, tS, false, false);
            return;
        }
        int seen = rule.update(tS, flexionDeg);
        if (!inEpisode) {
            // The rule holds the candidate; its peak counts from the sample that reached the threshold.
            peakDeg = (seen & SlumpRule.STARTED) != 0 ? flexionDeg : Math.max(peakDeg, flexionDeg);
            if ((seen & SlumpRule.SLUMPED) == 0) {
                return;
            }
            inEpisode = true;
            startS = rule.sinceS();
        } else {
            peakDeg = Math.max(peakDeg, flexionDeg);
            if ((seen & SlumpRule.BELOW) != 0) {
                below(tS, mayConfirm);
                return;
            }
            belowSinceS = Double.NaN;
        }
        if (!mayNag) {
            return;
        }
        if (!alerted) {
            if (tS - lastFirstAlertS >= s.cooldownS()) {
                alert(tS, flexionDeg);
            }
        } else if (escalations < s.maxEscalations() && tS - lastAlertS >= s.escalateEveryS()) {
            escalate(tS, flexionDeg);
        }
    }

    /** In an episode, flexion below threshold − hysteresis: the episode ends after the recovery time. */
    private void below(double tS, boolean mayConfirm) {
        if (Double.isNaN(belowSinceS)) {
            belowSinceS = tS;
        }
        if (tS - belowSinceS >= s.slumpRecoverS()) {
            close(belowSinceS, tS, true, mayConfirm);
        }
    }

    // The alerts themselves, rare, out of the per-sample method (which stays small enough to be inlined).

    private void alert(double tS, double flexionDeg) {
        alerted = true;
        lastFirstAlertS = tS;
        lastAlertS = tS;
        out.onAlert(new Alert(tS, AlertKind.SLUMP, String.format(Locale.ROOT,
                "Slumping: %.0f° beyond your upright for %.0f s. Sit tall.", flexionDeg, tS - startS)));
    }

    private void escalate(double tS, double flexionDeg) {
        escalations++;
        lastAlertS = tS;
        out.onAlert(new Alert(tS, AlertKind.SLUMP_ESCALATION, String.format(Locale.ROOT,
                "Still slumped after %.0f min (%.0f° beyond upright). Sit tall, or recalibrate if this is "
                        + "your upright.", (tS - startS) / 60, flexionDeg)));
    }

    /** Ends an open episode (session end, a gap, a new calibration); no corrected alert. */
    void close(double endS) {
        close(Double.isNaN(belowSinceS) ? endS : Math.min(belowSinceS, endS), endS, false, false);
    }

    private void close(double endS, double tS, boolean corrected, boolean mayConfirm) {
        if (inEpisode) {
            out.onSlumpEpisode(new SlumpEpisode(startS, Math.max(startS, endS), peakDeg, alerted));
            if (corrected && alerted && mayConfirm) {
                out.onAlert(new Alert(tS, AlertKind.CORRECTED, "Posture corrected. Well done."));
            }
        }
        inEpisode = false;
        rule.reset();
        belowSinceS = Double.NaN;
        alerted = false;
        escalations = 0;
    }
}
