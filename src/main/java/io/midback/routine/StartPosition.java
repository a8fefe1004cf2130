package io.midback.routine;

/** Where an exercise starts; its neutral (the pose every angle of the exercise is measured from) is captured there. */
public enum StartPosition {
    HANDS_AND_KNEES("hands-and-knees", "on hands and knees, hands under the shoulders, knees under the hips"),
    PRONE("prone", "lying face down, forehead on the hands"),
    STANDING("standing", "standing tall"),
    SEATED("seated", "sitting tall on the front of the chair, feet flat"),
    LYING("lying", "lying on your back");

    private final String fileName;
    private final String description;

    StartPosition(String fileName, String description) {
        this.fileName = fileName;
        this.description = description;
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
