package io.midback.bench;

import io.midback.alert.PostureEngine;
import io.midback.alert.SessionSummary;
import io.midback.orientation.MahonyFilter;
import io.midback.orientation.OrientationFilter;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureSettings;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;

import java.util.SplittableRandom;

/**
 * The workloads {@link Turns} times, loaded once per version of the classes (a class loader each): the posture and
 * alert stages over the slump demo (as {@link PostureBench}) and the 6D orientation update on a synthetic
 * 285.7 Hz motion (as {@link OrientationBench}). Each call is one pass; it returns the samples it processed.
 */
public final class TurnsWorkload {
    private static final int POSTURE_SAMPLES = 60_000;
    private static final int ORIENTATION_SAMPLES = 1 << 16;
    private static final double RATE_HZ = 2000.0 / 7;

    private final double[] t = new double[POSTURE_SAMPLES], qw = new double[POSTURE_SAMPLES],
            qx = new double[POSTURE_SAMPLES], qy = new double[POSTURE_SAMPLES], qz = new double[POSTURE_SAMPLES],
            gx = new double[POSTURE_SAMPLES], gy = new double[POSTURE_SAMPLES], gz = new double[POSTURE_SAMPLES],
            ax = new double[POSTURE_SAMPLES], ay = new double[POSTURE_SAMPLES], az = new double[POSTURE_SAMPLES];
    private final double[] g = new double[3 * ORIENTATION_SAMPLES], a = new double[3 * ORIENTATION_SAMPLES];
    private final OrientationFilter filter = OrientationFilters.create("midback", RATE_HZ);
    /** Keeps the results alive, so that nothing is optimised away. */
    public double sink;

    public TurnsWorkload() {
        Simulator sim = new Simulator(Scenario.load("slump-demo"), SimulatorConfig.defaults().withRate(100));
        MahonyFilter f = new MahonyFilter();
        sim.run(new SampleSink() {
            int i;

            @Override
            public void accept(SampleBatch b) {
                for (int j = 0; j < b.size() && i < POSTURE_SAMPLES; j++, i++) {
                    f.update(i == 0 ? 0 : 0.01, b.gxRadPerS[j], b.gyRadPerS[j], b.gzRadPerS[j], b.axMps2[j],
                            b.ayMps2[j], b.azMps2[j], Double.NaN, Double.NaN, Double.NaN);
                    t[i] = b.tS[j];
                    qw[i] = f.qw();
                    qx[i] = f.qx();
                    qy[i] = f.qy();
                    qz[i] = f.qz();
                    gx[i] = b.gxRadPerS[j];
                    gy[i] = b.gyRadPerS[j];
                    gz[i] = b.gzRadPerS[j];
                    ax[i] = b.axMps2[j];
                    ay[i] = b.ayMps2[j];
                    az[i] = b.azMps2[j];
                }
            }
        });
        // OrientationBench's motion: turning through varied orientations with noise, bias and pauses
        SplittableRandom rnd = new SplittableRandom(7);
        double dt = 1 / RATE_HZ;
        double w = 1, x = 0, y = 0, z = 0;
        for (int i = 0; i < ORIENTATION_SAMPLES; i++) {
            double time = i * dt;
            boolean pause = (i / 3000) % 4 == 3;
            double wx = pause ? 0 : 1.5 * Math.sin(0.7 * time) + 0.8 * Math.sin(2.3 * time);
            double wy = pause ? 0 : 1.2 * Math.sin(0.5 * time + 1) + 0.5 * Math.sin(3.1 * time);
            double wz = pause ? 0 : 2.0 * Math.sin(0.3 * time + 2);
            double h = 0.5 * dt;
            double nw = w - h * (x * wx + y * wy + z * wz), nx = x + h * (w * wx + y * wz - z * wy);
            double ny = y + h * (w * wy - x * wz + z * wx), nz = z + h * (w * wz + x * wy - y * wx);
            double n = Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
            w = nw / n;
            x = nx / n;
            y = ny / n;
            z = nz / n;
            g[3 * i] = wx + 0.01 + 0.005 * rnd.nextGaussian();
            g[3 * i + 1] = wy - 0.005 + 0.005 * rnd.nextGaussian();
            g[3 * i + 2] = wz + 0.002 + 0.005 * rnd.nextGaussian();
            a[3 * i] = 2 * (x * z - w * y) * 9.81 + 0.05 * rnd.nextGaussian();
            a[3 * i + 1] = 2 * (y * z + w * x) * 9.81 + 0.05 * rnd.nextGaussian();
            a[3 * i + 2] = (1 - 2 * (x * x + y * y)) * 9.81 + 0.05 * rnd.nextGaussian();
        }
    }

    /** One pass of the posture and alert stages (a new session) over the slump demo. */
    public int posture() {
        SessionSummary summary = new SessionSummary();
        PostureEngine e = new PostureEngine(PostureSettings.defaults(), summary);
        PostureFrame frame = new PostureFrame();
        // in locals: the calls in the loop would otherwise make the compiled loop reload every array field
        double[] t = this.t, qw = this.qw, qx = this.qx, qy = this.qy, qz = this.qz, gx = this.gx, gy = this.gy,
                gz = this.gz, ax = this.ax, ay = this.ay, az = this.az;
        for (int i = 0; i < POSTURE_SAMPLES; i++) {
            e.update(t[i], qw[i], qx[i], qy[i], qz[i], gx[i], gy[i], gz[i], ax[i], ay[i], az[i], frame);
            summary.onPosture(frame);
        }
        e.end(t[POSTURE_SAMPLES - 1]);
        sink += summary.episodes().size();
        return POSTURE_SAMPLES;
    }

    /** One pass of the 6D orientation update (the filter carries on from the last pass). */
    public int orientation() {
        OrientationFilter f = filter;
        double[] g = this.g, a = this.a;
        double dt = 1 / RATE_HZ, acc = 0;
        for (int i = 0; i < ORIENTATION_SAMPLES; i++) {
            int j = 3 * i;
            f.update(dt, g[j], g[j + 1], g[j + 2], a[j], a[j + 1], a[j + 2], Double.NaN, Double.NaN, Double.NaN);
            acc += f.qw() + f.qx() + f.qy() + f.qz();
        }
        sink += acc;
        return ORIENTATION_SAMPLES;
    }
}
