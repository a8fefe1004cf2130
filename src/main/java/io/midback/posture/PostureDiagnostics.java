package io.midback.posture;

/**
 * The posture stage's internal figures at one moment, as one plain value (for the window's calibration steps and
 * for developers). Read across threads these are momentary values.
 *
 * @param still                   the stillness test holds
 * @param stillForS               how long it has held, s
 * @param gyroStdRadPerS          running gyroscope std
 * @param accelStdMps2            running accelerometer std
 * @param forwardLeanDeg          largest rotation of the current or last forward-lean window
 * @param inclinationDeg          the trunk's long axis from vertical (0 upright, 90 lying)
 * @param headingDeg              the trunk's heading change since neutral (unwrapped)
 * @param headingReferenceDeg     the reference axial rotation is measured from
 * @param headingDriftDegPerS     heading drift seen while still
 * @param verticalVelocityMps     leaky integral of the vertical acceleration
 * @param dynamicAccelStdMps2     std of |a| about its running mean (walking test)
 * @param stepRatePerS            step-like crossings per second (walking test)
 * @param sittingProbability      probability of sitting rather than standing
 * @param sittingEvidence         what that rests on
 * @param sittingEvidenceAtS      when the evidence was seen (NaN for the prior)
 */
public record PostureDiagnostics(boolean still, double stillForS, double gyroStdRadPerS, double accelStdMps2,
                                 double forwardLeanDeg, double inclinationDeg, double headingDeg,
                                 double headingReferenceDeg, double headingDriftDegPerS, double verticalVelocityMps,
                                 double dynamicAccelStdMps2, double stepRatePerS, double sittingProbability,
                                 SittingEvidence sittingEvidence, double sittingEvidenceAtS) {
}
