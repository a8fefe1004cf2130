package io.midback.alert;

import io.midback.orientation.OrientationFilter;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureSettings;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The posture and alert stages allocate nothing per sample, by the thread's allocation counter (as
 * {@code VqfFilterTest.theUpdateAllocatesNothing} does): the engine and the session summary over the slump demo
 * (60,000 samples with its alerts, episodes and calibration, which are rare and may allocate). Under a byte per
 * sample in the quietest of four rounds means nothing is allocated per sample (one allocation per sample would be
 * 16 bytes or more).
 */
class StageAllocationTest {
    @Test
    void thePostureAndAlertStagesAllocateNothingPerSample() {
        int n = 60_000;
        double[][] in = new double[11][n];
        Simulator sim = new Simulator(Scenario.load("slump-demo"), SimulatorConfig.defaults().withRate(100));
        OrientationFilter f = SimulatedSessions.filter(100);
        sim.run(new SampleSink() {
            int i;

            @Override
            public void accept(SampleBatch b) {
                for (int j = 0; j < b.size() && i < n; j++, i++) {
                    f.update(i == 0 ? 0 : 0.01, b.gxRadPerS[j], b.gyRadPerS[j], b.gzRadPerS[j], b.axMps2[j],
                            b.ayMps2[j], b.azMps2[j], Double.NaN, Double.NaN, Double.NaN);
                    double[] v = {b.tS[j], f.qw(), f.qx(), f.qy(), f.qz(), b.gxRadPerS[j], b.gyRadPerS[j],
                        b.gzRadPerS[j], b.axMps2[j], b.ayMps2[j], b.azMps2[j]};
                    for (int c = 0; c < 11; c++) {
                        in[c][i] = v[c];
                    }
                }
            }
        });
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        double least = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 4; round++) {
            SessionSummary summary = new SessionSummary();
            PostureEngine e = new PostureEngine(PostureSettings.defaults(), summary);
            PostureFrame frame = new PostureFrame();
            long before = mx.getThreadAllocatedBytes(id);
            for (int i = 0; i < n; i++) {
                e.update(in[0][i], in[1][i], in[2][i], in[3][i], in[4][i], in[5][i], in[6][i], in[7][i], in[8][i],
                        in[9][i], in[10][i], frame);
                summary.onPosture(frame);
            }
            e.end(in[0][n - 1]);
            long allocated = mx.getThreadAllocatedBytes(id) - before;
            least = Math.min(least, allocated / (double) n);
            assertTrue(!summary.episodes().isEmpty(), "the demo's slumps were seen");
        }
        System.out.printf("posture and alert stages: %.3f bytes allocated per sample%n", least);
        assertTrue(least < 1, least + " bytes per sample");
    }
}
