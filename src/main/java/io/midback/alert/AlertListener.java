package io.midback.alert;

import io.midback.posture.Calibration;

/**
 * Receives alerts as they are decided (sinks: console, sound, device vibration, history, window), and the
 * posture-and-alert stage's other rare events: finished slump episodes and new calibrations.
 */
@FunctionalInterface
public interface AlertListener {
    void onAlert(Alert alert);

    /** A slump episode ended (or the session did while it lasted). */
    default void onSlumpEpisode(SlumpEpisode episode) {
    }

    /** A new calibration is in use (captured, recaptured, given a new mounting, or restored). */
    default void onCalibration(Calibration calibration) {
    }
}
