package io.midback.sim;

import io.midback.orientation.MahonyFilter;
import io.midback.posture.Mounting;
import io.midback.sensor.Quat;
import io.midback.sensor.SampleBatch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's baseline filter, fed the simulated sensor, tracks the simulated truth: the conventions agree. */
class SimulatorWithFilterTest {

    @Test
    void mahonyTracksTheTrueTiltOnTheSlumpDemo() {
        for (String mount : new String[] {"upright", "upsidedown", "tilted20"}) {
            Simulator sim = Simulator.of("slump-demo",
                    SimulatorConfig.defaults().withMounting(Mounting.parse(mount)).withRate(50));
            MahonyFilter filter = new MahonyFilter(1.0, 0.05);
            double[] up = new double[3];
            double[] upTrue = new double[3];
            double[] sumSq = new double[1];
            long[] n = new long[1];
            Quat est = new Quat();
            // the true "up" in the sensor frame, for the sample about to be produced
            sim.setTruthListener(f -> f.sensorToEarth.rotateInverse(0, 0, 1, upTrue, 0));
            SampleBatch b = new SampleBatch(1);
            double lastT = Double.NaN;
            while (sim.hasNext()) {
                b.clear();
                sim.fill(b, 1);
                double dt = Double.isNaN(lastT) ? 0 : b.tS[0] - lastT;
                lastT = b.tS[0];
                filter.update(dt, b.gxRadPerS[0], b.gyRadPerS[0], b.gzRadPerS[0], b.axMps2[0], b.ayMps2[0],
                        b.azMps2[0], Double.NaN, Double.NaN, Double.NaN);
                if (b.tS[0] < 30) {
                    continue; // let the bias estimate settle
                }
                est.set(filter.qw(), filter.qx(), filter.qy(), filter.qz());
                est.rotateInverse(0, 0, 1, up, 0);
                double dot = up[0] * upTrue[0] + up[1] * upTrue[1] + up[2] * upTrue[2];
                double err = Math.toDegrees(Math.acos(Math.min(1, dot)));
                sumSq[0] += err * err;
                n[0]++;
            }
            double rms = Math.sqrt(sumSq[0] / n[0]);
            assertTrue(rms < 1.5, mount + ": tilt error " + rms + "° RMS");
        }
    }
}
