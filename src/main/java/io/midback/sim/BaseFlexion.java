package io.midback.sim;

import java.util.Arrays;

/**
 * The trunk's base position as a flexion that the lines' excursions ride on, not enveloped: 0 upright (sitting,
 * standing), 90° with the trunk horizontal face down (on hands and knees, prone), −90° lying on the back. Flexion
 * is the first of the body model's rotations, so an excursion's side bend and rotation stay about the trunk's own
 * axes whatever the position. Changes are minimum-jerk ramps. Evaluated per sample without allocation (times in
 * order).
 */
public final class BaseFlexion {
    /** Upright throughout. */
    public static final BaseFlexion NONE = new BaseFlexion(new double[0], new double[0], new double[0]);

    private final double[] startS, durationS, toDeg;

    private BaseFlexion(double[] startS, double[] durationS, double[] toDeg) {
        this.startS = startS;
        this.durationS = durationS;
        this.toDeg = toDeg;
    }

    /** A schedule of changes: at {@code startS[i]} the base moves to {@code toDeg[i]} over {@code durationS[i]}. */
    public static BaseFlexion of(double[] startS, double[] durationS, double[] toDeg) {
        if (startS.length != durationS.length || startS.length != toDeg.length) {
            throw new IllegalArgumentException("base flexion: arrays of different lengths");
        }
        for (int i = 1; i < startS.length; i++) {
            if (startS[i] < startS[i - 1] + durationS[i - 1]) {
                throw new IllegalArgumentException("base flexion: changes overlap or are out of order");
            }
        }
        return new BaseFlexion(startS.clone(), durationS.clone(), toDeg.clone());
    }

    /** The base flexion at {@code tS}, degrees. */
    public double flexionDeg(double tS) {
        double from = 0;
        for (int i = 0; i < startS.length; i++) {
            if (tS < startS[i]) {
                return from;
            }
            double u = (tS - startS[i]) / durationS[i];
            if (u < 1) {
                double e = u * u * u * (10 - 15 * u + 6 * u * u);
                return from + (toDeg[i] - from) * e;
            }
            from = toDeg[i];
        }
        return from;
    }

    @Override
    public String toString() {
        return "BaseFlexion" + Arrays.toString(toDeg);
    }
}
