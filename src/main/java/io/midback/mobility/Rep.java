package io.midback.mobility;

/**
 * One repetition: an excursion from upright in one direction and back.
 *
 * @param direction  which way
 * @param startS     when the angle passed 20% of the peak on the way out, s
 * @param peakS      when it peaked, s
 * @param endS       when it came back to 20% of the peak (or turned back, if it never did), s
 * @param peakDeg    the peak's distance from upright along the direction's angle, degrees (positive)
 * @param returnDeg  how far from upright it turned back out again after this repetition (0: through upright)
 * @param mixDeg     for side bend the largest rotation during it, for rotation the largest side bend; NaN for
 *                   flexion and extension
 */
public record Rep(Direction direction, double startS, double peakS, double endS, double peakDeg, double returnDeg,
                  double mixDeg) {

    /** Out and back, s. */
    public double durationS() {
        return endS - startS;
    }
}
