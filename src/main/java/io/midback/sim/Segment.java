package io.midback.sim;

import io.midback.posture.PostureState;

/**
 * One line of a scenario with its parameters resolved: an activity from {@code startS} for {@code durationS}.
 *
 * @param flexTargetDeg   flexion the excursion moves to (degrees, + forward), before the envelope
 * @param latTargetDeg    lateral bend target (+ right)
 * @param axialTargetDeg  axial rotation target (+ right)
 * @param rampS           time to reach the target from the line's start
 * @param recoverS        time to return to neutral before the line's end
 * @param micro           scale of the small slow movements of seated work (0..1)
 * @param speedMps        walking speed
 * @param cadenceStepsPerMin walking cadence
 * @param bounceM         walking: vertical bounce of the trunk's pivot (half peak-to-peak), m
 * @param transitions     standing up at the start and sitting down at the end (of a stand or walk line next to
 *                        a sitting or lying one): their durations and forward leans
 * @param stateOverride   the posture label a {@code pose} line asks for, or null
 * @param previousMode    the mode of the line before (this line's own mode for the first)
 * @param nextMode        the mode of the line after (this line's own mode for the last)
 * @param line            the line number in the scenario file (1-based)
 * @param pelvisTargetDeg pelvic tilt (+ forward, − rolled back) the excursion moves to, before the envelope (the
 *                        lower sensor's segment; 0 when the excursion is all spine)
 */
public record Segment(double startS, double durationS, Activity activity,
                      double flexTargetDeg, double latTargetDeg, double axialTargetDeg,
                      double rampS, double recoverS, double micro,
                      double speedMps, double cadenceStepsPerMin, double bounceM, Transitions transitions,
                      PostureState stateOverride,
                      Activity.Mode previousMode, Activity.Mode nextMode, int line, double pelvisTargetDeg) {

    /** A line whose excursion is all spine: the pelvis stays where it is (pelvic tilt 0). */
    public Segment(double startS, double durationS, Activity activity,
                   double flexTargetDeg, double latTargetDeg, double axialTargetDeg,
                   double rampS, double recoverS, double micro,
                   double speedMps, double cadenceStepsPerMin, double bounceM, Transitions transitions,
                   PostureState stateOverride, Activity.Mode previousMode, Activity.Mode nextMode, int line) {
        this(startS, durationS, activity, flexTargetDeg, latTargetDeg, axialTargetDeg, rampS, recoverS, micro,
                speedMps, cadenceStepsPerMin, bounceM, transitions, stateOverride, previousMode, nextMode, line, 0);
    }

    /**
     * Standing up and sitting down.
     *
     * @param riseS       how long standing up takes, s
     * @param riseLeanDeg the trunk's peak forward lean while standing up
     * @param sitS        how long sitting down takes, s
     * @param sitLeanDeg  the trunk's peak forward lean while sitting down
     */
    public record Transitions(double riseS, double riseLeanDeg, double sitS, double sitLeanDeg) {
        public static final Transitions DEFAULT = new Transitions(BodyModel.RISE_S, BodyModel.RISE_LEAN_DEG,
                BodyModel.RISE_S, BodyModel.RISE_LEAN_DEG);
    }

    public double endS() {
        return startS + durationS;
    }

    public Activity.Mode mode() {
        return activity.mode();
    }

    Segment withNeighbours(Activity.Mode previous, Activity.Mode next) {
        return new Segment(startS, durationS, activity, flexTargetDeg, latTargetDeg, axialTargetDeg, rampS,
                recoverS, micro, speedMps, cadenceStepsPerMin, bounceM, transitions, stateOverride, previous, next, line,
                pelvisTargetDeg);
    }
}
