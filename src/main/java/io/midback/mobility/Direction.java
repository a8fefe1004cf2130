package io.midback.mobility;

/**
 * The six directions of the mobility check, each an excursion from the upright pose along one of the three
 * thoracic angles (ISB order, as the posture stage reports them): flexion forward +, side bend right +,
 * rotation right +.
 */
public enum Direction {
    FLEXION("flexion", Plane.FLEXION_EXTENSION, +1, 60),
    EXTENSION("extension", Plane.FLEXION_EXTENSION, -1, 25),
    SIDE_BEND_LEFT("sideBendLeft", Plane.SIDE_BEND, -1, 35),
    SIDE_BEND_RIGHT("sideBendRight", Plane.SIDE_BEND, +1, 35),
    ROTATION_LEFT("rotationLeft", Plane.ROTATION, -1, 45),
    ROTATION_RIGHT("rotationRight", Plane.ROTATION, +1, 45);

    /** The three movements, each along one angle: index 0 flexion, 1 side bend, 2 rotation. */
    public enum Plane {
        FLEXION_EXTENSION("flexionExtension"), SIDE_BEND("sideBend"), ROTATION("rotation");

        private final String jsonName;

        Plane(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The angle this movement follows: 0 flexion, 1 side bend, 2 rotation. */
        public int axis() {
            return ordinal();
        }

        /** The name of a block where both directions alternate. */
        public String jsonName() {
            return jsonName;
        }
    }

    private final String jsonName;
    private final Plane plane;
    private final int sign;
    private final double typicalRangeDeg;

    Direction(String jsonName, Plane plane, int sign, double typicalRangeDeg) {
        this.jsonName = jsonName;
        this.plane = plane;
        this.sign = sign;
        this.typicalRangeDeg = typicalRangeDeg;
    }

    /** The name in the JSON and on the command line: {@code flexion}, {@code sideBendLeft}, … */
    public String jsonName() {
        return jsonName;
    }

    /** The name people read: {@code flexion}, {@code side bend left}, {@code rotation right}. */
    public String label() {
        return jsonName.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
    }

    public Plane plane() {
        return plane;
    }

    /** +1 when the direction is the positive side of its angle, −1 otherwise. */
    public int sign() {
        return sign;
    }

    /**
     * A typical seated range, degrees: it only weighs one angle's excursion against another's when several move at
     * once (which one is the movement), never a measurement.
     */
    public double typicalRangeDeg() {
        return typicalRangeDeg;
    }

    public static Direction of(Plane plane, int sign) {
        for (Direction d : values()) {
            if (d.plane == plane && d.sign == Integer.signum(sign)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no direction for " + plane + " sign " + sign);
    }

    /** By JSON name ({@code flexion}, {@code rotationLeft}, …); null when unknown. */
    public static Direction byJsonName(String name) {
        for (Direction d : values()) {
            if (d.jsonName.equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }
}
