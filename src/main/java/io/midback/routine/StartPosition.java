package io.midback.routine;

/** Where an exercise starts; its neutral (the pose every angle of the exercise is measured from) is captured there. */
public enum StartPosition {
    HANDS_AND_KNEES("hands-and-knees", "on hands and knees, hands under the shoulders, knees under the hips", 90),
    PRONE("prone", "lying face down, forehead on the hands", 90),
    STANDING("standing", "standing tall", 0),
    SEATED("seated", "sitting tall on the front of the chair, feet flat", 0),
    LYING("lying", "lying on your back", -90);

    private final String fileName;
    private final String description;
    private final double trunkFlexionDeg;

    StartPosition(String fileName, String description, double trunkFlexionDeg) {
        this.fileName = fileName;
        this.description = description;
        this.trunkFlexionDeg = trunkFlexionDeg;
    }

    /**
     * The trunk's tilt in this position from sitting or standing upright, as a flexion, degrees: 0 upright, 90
     * horizontal face down (on hands and knees, prone), −90 on the back.
     */
    public double trunkFlexionDeg() {
        return trunkFlexionDeg;
    }

    /** The name in a routine file. */
    public String fileName() {
        return fileName;
    }

    /** How to get there, for the prompt. */
    public String description() {
        return description;
    }

    /** By its routine-file name; null when unknown. */
    public static StartPosition byFileName(String name) {
        for (StartPosition p : values()) {
            if (p.fileName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
