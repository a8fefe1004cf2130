package io.midback.live;

import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleSink;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;

import java.nio.file.Path;

/**
 * A child process for {@link RecordingKillTest}: a live session on a serial port that records to CSV and raw
 * files, and runs until it is killed. Prints "recording" once connected.
 */
public final class RecordingChild {
    private RecordingChild() {
    }

    public static void main(String[] args) throws Exception {
        String port = args[0];
        var config = new LiveSession.Config(port, () -> new SerialTransport(port, 115_200),
                ReconnectingLink.Settings.DEFAULT, LiveSessionTest.ByteDecoder::new, LiveTimeline.Mode.ARRIVAL, 200,
                LiveSession.DeviceControl.NONE);
        LiveRecorder recorder = new LiveRecorder(Path.of(args[1]), f -> RecordingMetadata.empty(), Path.of(args[2]));
        LiveSession session = new LiveSession(config, new SampleSink() {
            @Override
            public void accept(io.midback.sensor.SampleBatch batch) {
            }
        }, recorder, null);
        session.start();
        System.out.println("recording");
        System.out.flush();
        session.await(0);
    }
}
