package io.midback.posture;

/** What the sitting-versus-standing label rests on at a moment. */
public enum SittingEvidence {
    /** Nothing seen yet, or the last evidence has faded: the prior (office work is mostly seated). */
    PRIOR("prior"),
    /** A sit-down: a forward lean with the trunk moving down. */
    SIT_DOWN("sit-down"),
    /** A stand-up: a forward lean with the trunk moving up. */
    STAND_UP("stand-up"),
    /** Walking just ended: one stops walking standing. */
    WALKING("walking");

    private final String label;

    SittingEvidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
