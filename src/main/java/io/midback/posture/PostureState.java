package io.midback.posture;

/** What the wearer is doing, as the posture stage reports it continuously. */
public enum PostureState {
    UPRIGHT("upright"),
    SLOUCHED("slouched"),
    RECLINED("reclined"),
    LEANING_SIDEWAYS("leaning-sideways"),
    STANDING("standing"),
    WALKING("walking"),
    LYING("lying"),
    NOT_WORN("not-worn"),
    UNKNOWN("unknown");

    private final String label;

    PostureState(String label) {
        this.label = label;
    }

    /** The name used in JSON, CSV and the history ("upright", "slouched", ...). */
    public String label() {
        return label;
    }

    /**
     * The sitting labels. Sitting versus standing is a label with a confidence ({@link PostureFrame#sittingProbability}),
     * never what decides an alert: {@link #SLOUCHED} is a slump while sedentary, sitting or standing.
     */
    public boolean isSitting() {
        return this == UPRIGHT || this == SLOUCHED || this == RECLINED || this == LEANING_SIDEWAYS;
    }

    /**
     * Sedentary: sitting, or standing still (not walking, lying, not worn or unknown). The one test slump alerts,
     * staleness and break reminders count on.
     */
    public boolean isSedentary() {
        return isSitting() || this == STANDING;
    }

    public static PostureState fromLabel(String label) {
        for (PostureState s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown posture state '" + label + "'");
    }
}
