package io.midback.posture;

/** What the wearer is doing, as the posture stage reports it continuously. */
public enum PostureState {
    UPRIGHT("upright", true, true),
    SLOUCHED("slouched", true, true),
    RECLINED("reclined", true, true),
    LEANING_SIDEWAYS("leaning-sideways", true, true),
    STANDING("standing", false, true),
    WALKING("walking", false, false),
    LYING("lying", false, false),
    NOT_WORN("not-worn", false, false),
    UNKNOWN("unknown", false, false);

    private final String label;
    /** {@link #isSitting()} and {@link #isSedentary()}, decided once (they are asked several times per sample). */
    private final boolean sitting, sedentary;

    PostureState(String label, boolean sitting, boolean sedentary) {
        this.label = label;
        this.sitting = sitting;
        this.sedentary = sedentary;
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
        return sitting;
    }

    /**
     * Sedentary: sitting, or standing still (not walking, lying, not worn or unknown). The one test slump alerts,
     * staleness and break reminders count on.
     */
    public boolean isSedentary() {
        return sedentary;
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
