package io.midback.posture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guided calibration's lean step at run time ({@link PostureTracker#requestForwardLean()} /
 * {@link PostureTracker#endForwardLean()}, requested from another thread): the lean's axis becomes the mounting.
 */
class ForwardLeanRequestTest {
    private final PostureFrame out = new PostureFrame();

    private void hold(PostureTracker tr, Synthetic s, double seconds, double f, double l) {
        for (int i = 0; i < s.samples(seconds); i++) {
            s.step(f, l, 0).feed(tr, out);
        }
    }

    private static void fromAnotherThread(Runnable r) throws InterruptedException {
        Thread t = new Thread(r);
        t.start();
        t.join();
    }

    @Test
    void aRequestedLeanFixesTheMountingOfASensorFacingTheSkin() throws Exception {
        Synthetic s = new Synthetic(50, Synthetic.mountRotated('y', 180));
        s.breathingDeg = 0;
        PostureTracker tr = new PostureTracker(PostureSettings.defaults());
        hold(tr, s, 6, 0, 0); // calibrated from the first still seconds, default mounting
        assertTrue((tr.calibration() != null));
        assertEquals("default", tr.calibration().mountingSource());
        hold(tr, s, 1, 30, 0);
        assertEquals(-30, out.flexionDeg, 0.1, "the default mounting reads this sensor's flexion as extension");
        hold(tr, s, 2, 0, 0);

        fromAnotherThread(tr::requestForwardLean);
        for (int i = 0; i < s.samples(3); i++) { // lean forward slowly to 25° and hold it
            s.step(25 * Math.min(1, i / (double) s.samples(2)), 0, 0).feed(tr, out);
        }
        assertEquals(25, tr.diagnostics().forwardLeanDeg(), 0.5);
        fromAnotherThread(tr::endForwardLean);
        hold(tr, s, 1, 0, 0);

        Calibration c = tr.calibration();
        assertEquals("forward-lean", c.mountingSource());
        assertEquals(25, c.leanDeg(), 0.5);
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
        hold(tr, s, 2, 30, 10);
        assertEquals(30, out.flexionDeg, 0.1);
        assertEquals(10, out.lateralBendDeg, 0.1);
    }

    @Test
    void aLeanTooSmallKeepsTheDefaultMountingWithAWarning() throws Exception {
        Synthetic s = new Synthetic(50, Synthetic.defaultMount());
        s.breathingDeg = 0;
        PostureTracker tr = new PostureTracker(PostureSettings.defaults());
        hold(tr, s, 6, 0, 0);
        tr.requestForwardLean();
        hold(tr, s, 2, 4, 0);
        tr.endForwardLean();
        hold(tr, s, 1, 0, 0);
        Calibration c = tr.calibration();
        assertEquals("default", c.mountingSource());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("no forward lean")), c.warnings().toString());
        hold(tr, s, 1, 20, 0);
        assertEquals(20, out.flexionDeg, 0.1);
    }
}
