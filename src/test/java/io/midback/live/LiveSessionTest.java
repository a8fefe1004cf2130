package io.midback.live;

import io.midback.recording.CsvSampleReader;
import io.midback.recording.RecordingMetadata;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.testing.Poll;
import io.midback.transport.LinkState;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

class LiveSessionTest {

    /** A toy wire format for the session's plumbing: every byte is one sample whose gx is the byte's value. */
    static final class ByteDecoder implements LiveSession.Decoder {
        private final SampleSink sink;
        private final SampleBatch batch = new SampleBatch(256);

        ByteDecoder(SampleSink sink) {
            this.sink = sink;
        }

        @Override
        public void feed(byte[] bytes, int off, int len) {
            for (int i = 0; i < len; i++) {
                batch.add(Double.NaN, bytes[off + i] & 0xFF, 0, 0, 0, 0, 9.81, Double.NaN, Double.NaN, Double.NaN);
                if (batch.isFull()) {
                    sink.accept(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
                batch.clear();
            }
        }

        @Override
        public void end() {
            sink.end();
        }
    }

    static final class Samples implements SampleSink {
        final List<Double> gx = new CopyOnWriteArrayList<>();
        final List<String> gaps = new CopyOnWriteArrayList<>();
        volatile boolean ended;

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                gx.add(b.gxRadPerS[i]);
            }
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            gaps.add(reason);
        }

        @Override
        public void end() {
            ended = true;
        }

        void await(int n) throws InterruptedException {
            Poll.until(() -> gx.size() >= n, Duration.ofSeconds(60), () -> n + " samples received: " + gx);
            assertEquals(n, gx.size(), () -> "samples received: " + gx); // the values say where extra ones came from
        }
    }

    static final LiveSession.DeviceControl CONTROL = new LiveSession.DeviceControl() {
        @Override
        public List<byte[]> onConnect() {
            return List.of(new byte[] {'S'});
        }

        @Override
        public List<byte[]> onStop() {
            return List.of(new byte[] {'X'});
        }

        @Override
        public byte[] vibrate() {
            return new byte[] {'V'};
        }
    };

    @Test
    void streamsRecordsSurvivesARestartOfTheFarEndAndSendsDeviceCommands(@TempDir Path dir) throws Exception {
        try (SocatPair pty = SocatPair.require(dir)) {
            String port = pty.a().toString();
            var settings = new ReconnectingLink.Settings(Duration.ofSeconds(2), Duration.ofMillis(50),
                    Duration.ofMillis(300), Duration.ofSeconds(20));
            var config = new LiveSession.Config(port, () -> new SerialTransport(port, 115_200), settings,
                    ByteDecoder::new, LiveTimeline.Mode.ARRIVAL, 100, CONTROL);
            Samples samples = new Samples();
            Path csv = dir.resolve("live.csv");
            Path raw = dir.resolve("live.bin");
            List<String> states = new CopyOnWriteArrayList<>();
            LiveRecorder recorder = new LiveRecorder(csv, f -> RecordingMetadata.empty(), raw);
            ByteArrayOutputStream atDevice = new ByteArrayOutputStream();

            LiveSession session = new LiveSession(config, samples, recorder, new io.midback.transport.LinkListener() {
                @Override
                public void onBytes(byte[] buf, int off, int len) {
                }

                @Override
                public void onState(LinkState state, String reason) {
                    states.add(state.label());
                }
            });
            SerialTransport device = new SerialTransport(pty.b().toString(), 115_200);
            device.open((buf, off, len) -> {
                synchronized (atDevice) {
                    atDevice.write(buf, off, len);
                }
            });
            session.start();
            byte[] first = new byte[100];
            for (int i = 0; i < first.length; i++) {
                first[i] = (byte) i;
            }
            device.write(first);
            samples.await(100);
            assertTrue(session.vibrate());

            device.close();
            pty.kill();
            pty.start();
            Poll.until(() -> session.reconnects() >= 1, Duration.ofSeconds(60), () -> "reconnected: " + states);
            assertEquals(1, session.reconnects(), states.toString());
            SerialTransport device2 = new SerialTransport(pty.b().toString(), 115_200);
            device2.open((buf, off, len) -> {
                synchronized (atDevice) {
                    atDevice.write(buf, off, len);
                }
            });
            byte[] second = new byte[50];
            for (int i = 0; i < second.length; i++) {
                second[i] = (byte) (200 + i);
            }
            device2.write(second);
            samples.await(150);
            session.close();
            // the stop command the session sends on closing reaches the device
            Poll.until(() -> {
                synchronized (atDevice) {
                    String got = atDevice.toString(java.nio.charset.StandardCharsets.US_ASCII);
                    return got.lastIndexOf('S') > got.indexOf('V') && got.indexOf('V') >= 0;
                }
            }, Duration.ofSeconds(10), () -> "the stop command reached the device");
            device2.close();

            for (int i = 0; i < 100; i++) {
                assertEquals(i, samples.gx.get(i), 0.0);
            }
            for (int i = 0; i < 50; i++) {
                assertEquals(200 + i, samples.gx.get(100 + i), 0.0);
            }
            assertEquals(1, samples.gaps.size(), samples.gaps.toString());
            assertTrue(samples.ended);
            assertTrue(states.containsAll(List.of("connected", "disconnected", "reconnecting")), states.toString());
            String sentToDevice;
            synchronized (atDevice) {
                sentToDevice = atDevice.toString(java.nio.charset.StandardCharsets.US_ASCII);
            }
            assertTrue(sentToDevice.startsWith("SV"), "start on connect, then vibrate: " + sentToDevice);
            assertTrue(sentToDevice.contains("S") && sentToDevice.lastIndexOf('S') > sentToDevice.indexOf('V'),
                    "start again after the reconnect: " + sentToDevice);
            assertTrue(sentToDevice.endsWith("X"), "stop at the end: " + sentToDevice);

            byte[] rawBytes = Files.readAllBytes(raw);
            assertEquals(150, rawBytes.length);
            List<Double> replayed = new ArrayList<>();
            CsvSampleReader.of(csv).read(new SampleSink() {
                @Override
                public void accept(SampleBatch b) {
                    for (int i = 0; i < b.size(); i++) {
                        replayed.add(b.gxRadPerS[i]);
                    }
                }
            });
            assertEquals(samples.gx, replayed, "the CSV holds every sample");
            assertTrue(Files.readString(csv).contains("# gap: "), "the gap is in the recording");
            assertTrue(session.latency().count() > 0);
        }
    }
}
