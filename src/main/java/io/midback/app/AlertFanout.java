package io.midback.app;

import io.midback.alert.Alert;
import io.midback.alert.AlertListener;
import io.midback.alert.SlumpEpisode;
import io.midback.posture.Calibration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands each alert, episode and calibration to every sink (summary, console, history, device, window). */
public final class AlertFanout implements AlertListener {
    private final List<AlertListener> sinks = new CopyOnWriteArrayList<>();

    public AlertFanout add(AlertListener sink) {
        sinks.add(sink);
        return this;
    }

    @Override
    public void onAlert(Alert alert) {
        for (AlertListener s : sinks) {
            s.onAlert(alert);
        }
    }

    @Override
    public void onSlumpEpisode(SlumpEpisode episode) {
        for (AlertListener s : sinks) {
            s.onSlumpEpisode(episode);
        }
    }

    @Override
    public void onCalibration(Calibration calibration) {
        for (AlertListener s : sinks) {
            s.onCalibration(calibration);
        }
    }
}
