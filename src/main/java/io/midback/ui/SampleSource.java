package io.midback.ui;

import io.midback.sensor.SampleSink;

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

    /** True for a paced source (live device or paced replay): the sample rate means something in real time. */
    default boolean realTime() {
        return true;
    }
}
