package io.midback.routine;

import io.midback.mobility.Direction;

/**
 * The angle an exercise follows, relative to its own neutral, and which way a repetition goes. One-sided
 * movements count an excursion to their side; two-sided ones count one full cycle, one side and the other (of
 * cat-cow, one cat and one cow).
 */
public enum Movement {
    FLEXION("flexion", Direction.Plane.FLEXION_EXTENSION, +1, "bend"),
    EXTENSION("extension", Direction.Plane.FLEXION_EXTENSION, -1, "extend"),
    FLEXION_EXTENSION("flexion-extension", Direction.Plane.FLEXION_EXTENSION, 0, "round and arch"),
    SIDE_BEND("side-bend", Direction.Plane.SIDE_BEND, 0, "bend"),
    ROTATION("rotation", Direction.Plane.ROTATION, 0, "rotate");

    private final String fileName;
    private final Direction.Plane plane;
    private final int side;
    private final String verb;

    Movement(String fileName, Direction.Plane plane, int side, String verb) {
        this.fileName = fileName;
        this.plane = plane;
        this.side = side;
        this.verb = verb;
    }

    public String fileName() {
        return fileName;
    }

    /** The angle followed: 0 flexion (+ forward), 1 side bend (+ right), 2 rotation (+ right). */
    public int axis() {
        return plane.axis();
    }

    /** +1 or −1 for a one-sided movement, 0 for a two-sided one. */
    public int side() {
        return side;
    }

    public boolean twoSided() {
        return side == 0;
    }

    /** The verb of the feedback ("rotate a little further"). */
    public String verb() {
        return verb;
    }

    /** The mobility check's direction on this side (+1 or −1) of the angle. */
    public Direction direction(int sign) {
        return Direction.of(plane, sign);
    }

    public static Movement byFileName(String name) {
        for (Movement m : values()) {
            if (m.fileName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
