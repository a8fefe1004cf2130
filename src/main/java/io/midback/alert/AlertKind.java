package io.midback.alert;

/** Kinds of alert; {@link #label()} is the JSON/history name. */
public enum AlertKind {
    /** Slouched beyond the threshold for the dwell time. */
    SLUMP("slump"),
    /** The slump goes on: a stronger reminder after the cooldown. */
    SLUMP_ESCALATION("slump-escalation"),
    /** Posture corrected after a slump alert. */
    CORRECTED("corrected"),
    /** Sitting too long without a break. */
    BREAK("break"),
    /** Readings look stale: suggest recalibrating. */
    RECALIBRATE("recalibrate");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
