package io.midback.alert;

/** Receives alerts as they are decided (sinks: console, sound, device vibration, history, window). */
@FunctionalInterface
public interface AlertListener {
    void onAlert(Alert alert);
}
