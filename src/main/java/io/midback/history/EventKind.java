package io.midback.history;

/** Kinds of history event; {@link #label()} is the name stored in the database and the exports. */
public enum EventKind {
    /** A run of the slouched state: start, end and peak flexion. */
    SLUMP_EPISODE("slump-episode"),
    /** An alert as the alert stage decided it; detail = its kind. */
    ALERT("alert"),
    /** A sedentary bout: sitting or standing still without a break ({@link io.midback.posture.SedentaryBouts}). */
    SITTING_BOUT("sitting-bout"),
    /** Movement for the break length after a bout ({@link io.midback.posture.SedentaryBouts}). */
    BREAK("break"),
    /** No samples; detail = the reason. */
    GAP("gap"),
    /** A paced-breathing exercise; detail = its pace and how the breathing followed it (one line). */
    BREATHING_EXERCISE("breathing-exercise"),
    /** A guided routine (daily, desk, …); detail = its exercises, repetitions, ranges and minutes (one line). */
    ROUTINE("routine");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static EventKind fromLabel(String label) {
        for (EventKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown history event kind '" + label + "'");
    }
}
