package io.midback.ui;

import io.midback.app.SessionBuilder;
import io.midback.app.SessionSpec;
import io.midback.live.LiveRecording;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureSettings;
import io.midback.sensor.SampleSink;

import java.time.Clock;

/**
 * Where a session's samples come from: a recording, a serial port, a Bluetooth device, the simulator. {@link #run}
 * is called on the session's own thread and returns when the source ends or is stopped.
 */
public interface SampleSource {

    /** What the connect panel and the status line call it ("replay day.csv at 4×", "serial /dev/ttyUSB0"). */
    String describe();

    /** Streams samples into {@code sink} until the end or {@link #stop}; failures as exceptions. */
    void run(SampleSink sink) throws Exception;

    /** Asks {@link #run} to return soon (any thread). */
    void stop();

    /** Battery charge 0..1 when the device reports it, else NaN. */
    default double batteryFraction() {
        return Double.NaN;
    }

    /** Asks the device to vibrate (a slump alert); false when it has no motor or the link is down. Any thread. */
    default boolean vibrate() {
        return false;
    }

    /** Whether the source drops and reopens its link by itself when nothing arrives (a live link's watchdog). */
    default boolean reconnectsWhenSilent() {
        return false;
    }

    /** A link state worth showing instead of the session's ("reconnecting"), or null. */
    default String linkNote() {
        return null;
    }

    /**
     * The session this source streams: what the source says about itself (a recording's rate, magnetometer,
     * start and calibration; a live link's name) with the window's posture settings. Read once per session, on
     * the session's thread. By default a live link named by {@link #describe()}, starting now.
     */
    default SessionSpec spec(PostureSettings posture, Clock clock) {
        return SessionSpec.live(SessionSpec.Kind.SERIAL, describe(), null, clock.instant(), clock.getZone(),
                OrientationFilters.DEFAULT, posture);
    }

    /**
     * Opens the session's recording ({@link SessionSpec#recording}, which only a live sensor's spec has) for this
     * source to feed as it streams; on the session's thread, before {@link #run}. By default nothing is recorded.
     *
     * @throws java.io.IOException one line naming the file that cannot be written and why
     */
    default LiveRecording record(SessionBuilder session) throws java.io.IOException {
        return null;
    }

    /**
     * Whether the session is saved in the history: live devices always are; replays only when the user asked
     * ("Save to history"); the simulator never.
     */
    default boolean savesHistory() {
        return false;
    }
}
