package io.midback.alert;

import io.midback.posture.Calibration;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything an AlertListener hears. */
final class Recorder implements AlertListener {
    final List<Alert> alerts = new ArrayList<>();
    final List<SlumpEpisode> episodes = new ArrayList<>();
    final List<Calibration> calibrations = new ArrayList<>();

    @Override
    public void onAlert(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public void onSlumpEpisode(SlumpEpisode episode) {
        episodes.add(episode);
    }

    @Override
    public void onCalibration(Calibration calibration) {
        calibrations.add(calibration);
    }

    List<Double> times(AlertKind kind) {
        List<Double> r = new ArrayList<>();
        for (Alert a : alerts) {
            if (a.kind() == kind) {
                r.add(a.atS());
            }
        }
        return r;
    }
}
