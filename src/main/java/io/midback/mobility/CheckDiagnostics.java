package io.midback.mobility;

/**
 * What the check corrected, as one plain value.
 *
 * @param captureAtS                  when the upright pose was captured, s (NaN: never still long enough)
 * @param gyroBiasAtCaptureDegPerS    gyroscope bias per sensor axis from the still capture, °/s
 * @param gyroBiasAtEndDegPerS        the bias as followed through later stillness, at the end, °/s
 * @param headingCorrectionDeg        heading drift taken out by following the bias through stillness (beyond the
 *                                    bias captured at the start), degrees
 * @param headingChangeWhileStillDeg  heading change left while the trunk was still: residual drift (or slow movement
 *                                    too small to call movement), degrees
 */
public record CheckDiagnostics(double captureAtS, double[] gyroBiasAtCaptureDegPerS, double[] gyroBiasAtEndDegPerS,
                               double headingCorrectionDeg, double headingChangeWhileStillDeg) {
    public CheckDiagnostics {
        gyroBiasAtCaptureDegPerS = gyroBiasAtCaptureDegPerS.clone();
        gyroBiasAtEndDegPerS = gyroBiasAtEndDegPerS.clone();
    }

    @Override
    public double[] gyroBiasAtCaptureDegPerS() {
        return gyroBiasAtCaptureDegPerS.clone();
    }

    @Override
    public double[] gyroBiasAtEndDegPerS() {
        return gyroBiasAtEndDegPerS.clone();
    }
}
