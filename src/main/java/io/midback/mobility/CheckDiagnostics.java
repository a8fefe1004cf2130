package io.midback.mobility;

/**
 * What the check corrected, as one plain value.
 *
 * @param captureAtS                  when the upright pose was captured, s (NaN: never still long enough)
 * @param gyroBiasAtCaptureDegPerS    gyroscope bias per sensor axis from the still capture, °/s
 * @param gyroBiasAtEndDegPerS        the bias as followed through later stillness, at the end, °/s
 * @param headingCorrectionDeg        heading drift taken out of the rotation by the check's own reference, degrees
 * @param headingSeenStillDeg         of it, the part seen directly while still (the rest was carried at the rate)
 * @param headingDriftAtCaptureDegPerS the filter's heading drift rate during the capture, °/s
 */
public record CheckDiagnostics(double captureAtS, double[] gyroBiasAtCaptureDegPerS, double[] gyroBiasAtEndDegPerS,
                               double headingCorrectionDeg, double headingSeenStillDeg,
                               double headingDriftAtCaptureDegPerS) {
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
