package io.midback.ui;

import io.midback.posture.PostureFrame;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring between the pipeline and the event thread, the per-pixel decimation, and the paced replay. */
class LiveRingAndWindowTest {

    private static PostureFrame frame(double t, double flex) {
        PostureFrame f = new PostureFrame();
        f.tS = t;
        f.flexionDeg = flex;
        f.lateralBendDeg = -flex;
        f.axialRotationDeg = 2 * flex;
        f.state = flex > 20 ? PostureState.SLOUCHED : PostureState.UPRIGHT;
        return f;
    }

    @Test
    void drainsWhatArrivedSinceTheLastDrainInOrder() {
        LiveRing ring = new LiveRing(8);
        LiveRing.Chunk chunk = new LiveRing.Chunk(8);
        for (int i = 0; i < 5; i++) {
            ring.onPosture(frame(i, i * 10));
        }
        assertEquals(5, ring.drainTo(chunk));
        assertEquals(4.0, chunk.tS[4]);
        assertEquals(40.0, chunk.flexionDeg[4]);
        assertEquals(-40.0, chunk.bendDeg[4]);
        assertEquals(PostureState.SLOUCHED.ordinal(), chunk.state[4]);
        ring.onPosture(frame(5, 0));
        assertEquals(1, ring.drainTo(chunk));
        assertEquals(5.0, chunk.tS[0]);
        assertEquals(0, ring.drainTo(chunk));
    }

    @Test
    void whenLappedKeepsTheNewestAndSkipsTheRest() {
        LiveRing ring = new LiveRing(8);
        LiveRing.Chunk chunk = new LiveRing.Chunk(8);
        for (int i = 0; i < 20; i++) {
            ring.onPosture(frame(i, 0));
        }
        // capacity - 1 newest: the slot the producer writes next is never handed out
        assertEquals(7, ring.drainTo(chunk));
        assertEquals(13.0, chunk.tS[0]);
        assertEquals(19.0, chunk.tS[6]);
        ring.onPosture(frame(20, 0));
        assertEquals(1, ring.drainTo(chunk), "the skipped samples are not handed out later");
        assertEquals(20.0, chunk.tS[0]);
    }

    @Test
    void concurrentProducerNeverHandsOutTornOrOutOfOrderSamples() throws Exception {
        LiveRing ring = new LiveRing(1024);
        LiveRing.Chunk chunk = new LiveRing.Chunk(1024);
        int total = 2_000_000;
        Thread producer = new Thread(() -> {
            PostureFrame f = new PostureFrame();
            for (int i = 0; i < total; i++) {
                f.tS = i;
                f.flexionDeg = i;      // every column carries the index: a torn slot shows as a mismatch
                f.lateralBendDeg = -i;
                f.axialRotationDeg = i;
                ring.onPosture(f);
            }
        });
        producer.start();
        double last = -1;
        while (true) {
            boolean alive = producer.isAlive(); // read before draining: once false, this drain sees everything
            int n = ring.drainTo(chunk);
            for (int k = 0; k < n; k++) {
                assertTrue(chunk.tS[k] > last, "out of order at " + chunk.tS[k]);
                assertEquals(chunk.tS[k], chunk.flexionDeg[k], 0.0);
                assertEquals(-chunk.tS[k], chunk.bendDeg[k], 0.0);
                last = chunk.tS[k];
            }
            if (!alive) {
                break;
            }
        }
        producer.join();
        assertEquals(total - 1.0, last);
    }

    @Test
    void decimatesToMinAndMaxPerColumnInTimeOrder() {
        SeriesWindow w = new SeriesWindow(1024);
        // 10 columns over 0..10 s; 10 samples per column; a dip of -20 at t=3.1 and a spike of 50 at t=3.4.
        for (int i = 0; i < 100; i++) {
            double t = i * 0.1;
            double v = i == 34 ? 50 : i == 31 ? -20 : 1;
            w.append(t, v, 0, 0, Double.NaN);
        }
        SeriesWindow.Decimated d = new SeriesWindow.Decimated(64);
        w.decimate(0, 10, 10, d);
        assertTrue(d.count(0) <= 20, "at most two points per column: " + d.count(0));
        // Column 3 holds the dip first, then the spike.
        boolean found = false;
        for (int i = 0; i + 1 < d.count(0); i++) {
            if (d.y(0, i) == -20) {
                assertEquals(50.0, d.y(0, i + 1));
                assertEquals(3.1, d.x(0, i), 1e-9);
                found = true;
            }
        }
        assertTrue(found, "the extremes survive decimation");
        // A flat series gives one point per column.
        assertEquals(10, d.count(1));
    }

    @Test
    void aColumnWhoseFirstSampleHasNoSpineAngleStillShowsTheSpineAnglesAfterIt() {
        SeriesWindow w = new SeriesWindow(64);
        // 2 columns over 0..2 s, 10 samples each. Column 0: the spine angle starts at its 4th sample (12°, then up to
        // 18° and down to 9°); column 1: a value, then NaN (the lower sensor paused), then values again.
        for (int i = 0; i < 20; i++) {
            double t = i * 0.1;
            double spine = i < 3 ? Double.NaN : i == 5 ? 18 : i == 7 ? 9 : i < 10 ? 12
                    : i == 11 || i == 12 ? Double.NaN : i == 14 ? 25 : 20;
            w.append(t, 1, 0, 0, spine);
        }
        SeriesWindow.Decimated d = new SeriesWindow.Decimated(8);
        w.decimate(0, 2, 2, d);
        assertEquals(4, d.count(3), "two points (min and max) per column");
        // Column 0: the max (18° at 0.5 s) before the min (9° at 0.7 s); no NaN.
        assertEquals(0.5, d.x(3, 0), 1e-9);
        assertEquals(18.0, d.y(3, 0));
        assertEquals(0.7, d.x(3, 1), 1e-9);
        assertEquals(9.0, d.y(3, 1));
        // Column 1: min 20° at its first sample (1.0 s), max 25° at 1.4 s; the NaN in between is left out.
        assertEquals(1.0, d.x(3, 2), 1e-9);
        assertEquals(20.0, d.y(3, 2));
        assertEquals(1.4, d.x(3, 3), 1e-9);
        assertEquals(25.0, d.y(3, 3));
        // A column with no spine angle at all stays a break.
        SeriesWindow none = new SeriesWindow(16);
        for (int i = 0; i < 10; i++) {
            none.append(i * 0.1, 1, 0, 0, Double.NaN);
        }
        none.decimate(0, 1, 1, d);
        assertTrue(d.count(3) >= 1 && Double.isNaN(d.y(3, 0)), "no spine angle: no spine point");
    }

    @Test
    void decimationOnlyLooksAtTheWindowAndTimeGoingBackStartsAfresh() {
        SeriesWindow w = new SeriesWindow(16);
        for (int i = 0; i < 40; i++) {
            w.append(i, i, 0, 0, Double.NaN); // only the last 16 are kept
        }
        SeriesWindow.Decimated d = new SeriesWindow.Decimated(64);
        w.decimate(30, 39, 9, d);
        assertEquals(30.0, d.x(0, 0));
        assertEquals(39.0, d.x(0, d.count(0) - 1));
        w.append(0, 5, 0, 0, Double.NaN);
        assertEquals(1, w.size());
    }

    @Test
    void pacedReplayKeepsToTheRequestedSpeed() throws Exception {
        Path file = Files.createTempFile("paced", ".csv");
        SyntheticWearer.write(file, 4, 100, t -> 0);
        AtomicLong samples = new AtomicLong();
        long t0 = System.nanoTime();
        new PacedReplay(file, 4).run(new io.midback.sensor.SampleSink() {
            @Override
            public void accept(io.midback.sensor.SampleBatch b) {
                samples.addAndGet(b.size());
            }
        });
        double wallS = (System.nanoTime() - t0) / 1e9;
        assertEquals(400, samples.get());
        assertTrue(wallS >= 0.9, "4 s at 4× took " + wallS + " s");
        Files.delete(file);
    }

    @Test
    void speedsParse() {
        assertEquals(Double.POSITIVE_INFINITY, ConnectPanel.parseSpeed("max"));
        assertEquals(4.0, ConnectPanel.parseSpeed("4×"));
        assertEquals(2.5, ConnectPanel.parseSpeed("2.5"));
    }
}
