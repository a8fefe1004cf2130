package io.midback.bench;

import io.midback.orientation.OrientationFilter;
import io.midback.orientation.OrientationFilters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * ns per sample of the orientation filters' update, 6D and 9D, on a synthetic 285.7 Hz recording (a sensor
 * turning through varied orientations with noise, bias and pauses, so rest detection, bias estimation and
 * magnetometer disturbance logic all run). Each operation is one sample; the estimate is read after every
 * update. Run: {@code ./bench OrientationBench -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class OrientationBench {
    private static final int N = 1 << 16;
    private static final int BATCH = 1024;
    private static final double RATE_HZ = 2000.0 / 7;

    @Param({"midback", "madgwick", "mahony"})
    public String filter;

    @Param({"6d", "9d"})
    public String mode;

    private final double[] g = new double[3 * N];
    private final double[] a = new double[3 * N];
    private final double[] m = new double[3 * N];
    private OrientationFilter f;
    private int pos;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        double dt = 1 / RATE_HZ;
        double qw = 1, qx = 0, qy = 0, qz = 0;
        for (int i = 0; i < N; i++) {
            double t = i * dt;
            boolean pause = (i / 3000) % 4 == 3;
            double wx = pause ? 0 : 1.5 * Math.sin(0.7 * t) + 0.8 * Math.sin(2.3 * t);
            double wy = pause ? 0 : 1.2 * Math.sin(0.5 * t + 1) + 0.5 * Math.sin(3.1 * t);
            double wz = pause ? 0 : 2.0 * Math.sin(0.3 * t + 2);
            // integrate the true orientation
            double h = 0.5 * dt;
            double nw = qw - h * (qx * wx + qy * wy + qz * wz);
            double nx = qx + h * (qw * wx + qy * wz - qz * wy);
            double ny = qy + h * (qw * wy - qx * wz + qz * wx);
            double nz = qz + h * (qw * wz + qx * wy - qy * wx);
            double n = Math.sqrt(nw * nw + nx * nx + ny * ny + nz * nz);
            qw = nw / n;
            qx = nx / n;
            qy = ny / n;
            qz = nz / n;
            g[3 * i] = wx + 0.01 + 0.005 * rnd.nextGaussian();
            g[3 * i + 1] = wy - 0.005 + 0.005 * rnd.nextGaussian();
            g[3 * i + 2] = wz + 0.002 + 0.005 * rnd.nextGaussian();
            // earth vectors into the sensor frame: R(q)ᵀ v
            rotateInto(a, i, qw, qx, qy, qz, 0, 0, 9.81, rnd, 0.05);
            rotateInto(m, i, qw, qx, qy, qz, 0, 20, -40, rnd, 0.3);
        }
        f = OrientationFilters.create(filter, RATE_HZ);
        pos = 0;
    }

    private static void rotateInto(double[] out, int i, double w, double x, double y, double z,
                                   double vx, double vy, double vz, SplittableRandom rnd, double noise) {
        out[3 * i] = (1 - 2 * (y * y + z * z)) * vx + 2 * (x * y + w * z) * vy + 2 * (x * z - w * y) * vz
                + noise * rnd.nextGaussian();
        out[3 * i + 1] = 2 * (x * y - w * z) * vx + (1 - 2 * (x * x + z * z)) * vy + 2 * (y * z + w * x) * vz
                + noise * rnd.nextGaussian();
        out[3 * i + 2] = 2 * (x * z + w * y) * vx + 2 * (y * z - w * x) * vy + (1 - 2 * (x * x + y * y)) * vz
                + noise * rnd.nextGaussian();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double update() {
        OrientationFilter filt = f;
        boolean nine = "9d".equals(mode);
        double dt = 1 / RATE_HZ;
        double acc = 0;
        int p = pos;
        for (int k = 0; k < BATCH; k++) {
            int j = 3 * p;
            if (nine) {
                filt.update(dt, g[j], g[j + 1], g[j + 2], a[j], a[j + 1], a[j + 2], m[j], m[j + 1], m[j + 2]);
            } else {
                filt.update(dt, g[j], g[j + 1], g[j + 2], a[j], a[j + 1], a[j + 2], Double.NaN, Double.NaN,
                        Double.NaN);
            }
            acc += filt.qw() + filt.qx() + filt.qy() + filt.qz();
            p = (p + 1) & (N - 1);
        }
        pos = p;
        return acc;
    }
}
