package io.midback.sim;

import io.midback.sensor.Quat;

/**
 * Where on the back a simulated sensor sits: which segment carries it, how far from that segment's pivot (the
 * hips), how the skin under it slopes, and whether breathing moves it. The upper sensor rides on the thorax
 * (T2–T8, between the shoulder blades); a lower one on the sacrum (L3–S2), which turns with the pelvis.
 *
 * @param leverUpM     the sensor above the pivot along the segment's long axis, m
 * @param leverBackM   the sensor behind the pivot, m
 * @param slopeDeg     the skin's slope under the sensor about the medio-lateral axis (the sensor's top tipped
 *                     back by it from the segment's upright), degrees
 * @param breathes     breathing lifts it and pushes it out (the chest does, the sacrum does not)
 * @param noiseStream  the first of the three random streams of its errors (bias, noise, magnetometer noise), so
 *                     two sensors on one wearer have their own errors but share the body's movements
 */
public record Site(String name, double leverUpM, double leverBackM, double slopeDeg, boolean breathes,
                   int noiseStream) {
    /** Between the shoulder blades: the one-sensor simulator's place. */
    public static final Site THORAX = new Site("thorax", Simulator.LEVER_UP_M, Simulator.LEVER_BACK_M, 0, true, 2);
    /** On the sacrum, 10 cm above and 10 cm behind the hips, its skin sloping 20°. */
    public static final Site SACRUM = new Site("sacrum", 0.10, 0.10, 20, false, 12);

    /** Segment → sensor for a sensor mounted {@code bodyToSensor} on this site's sloping skin (allocates). */
    Quat segmentToSensor(Quat bodyToSensor) {
        Quat slope = new Quat().setAxisAngle(1, 0, 0, Math.toRadians(slopeDeg));
        return new Quat().setProductConjugate(bodyToSensor, slope);
    }
}
