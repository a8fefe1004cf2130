package io.midback.sim;

import java.util.Arrays;
import java.util.List;

/**
 * Breathing as a sensor on the upper back feels it: each breath tips the upper back backwards (extension) by a
 * fraction of a degree, with a small seeded share of side bend, and lifts it and pushes it back by a few
 * millimetres. The breaths are drawn once, at construction, for the whole scenario (so the pose stays a pure
 * function of time): their rate follows the scenario's {@code breathing} lines ({@link BreathingSettings}),
 * wandering slowly around them; each breath's length and depth vary; some are sighs, some are followed by a
 * pause. Breathing goes on whatever the wearer does; it only stops reaching the sensor when it is taken off.
 *
 * <p>A breath's volume follows half a cosine up over the inhalation (42 % of the breath, ± 4 %) and half a
 * cosine down over the exhalation, then rests for the breath's pause, if any: smooth, so the lift's
 * acceleration is finite.
 */
public final class Breathing {
    /** How far the sensor rises, and moves back out of the back, per degree of breathing tilt. */
    public static final double LIFT_M_PER_DEG = 0.003, OUT_M_PER_DEG = 0.002;
    /** The kinds of breath, as the truth file names them. */
    public static final byte NORMAL = 0, SIGH = 1, PAUSE = 2;
    private static final String[] KIND_LABELS = {"normal", "sigh", "pause"};
    static final double SIGH_DEPTH = 2.5, SIGH_LENGTH = 1.5;
    private static final double LEAD_S = 30;

    private final double[] onsetS, inhaleS, exhaleS, holdS, depthDeg;
    private final byte[] kind;
    private final int count;
    private final double lateralShare;
    private final List<BreathingSettings.Change> changes;
    private int cursor;

    public Breathing(List<BreathingSettings.Change> changes, double durationS, long seed) {
        this.changes = changes.isEmpty() ? List.of(new BreathingSettings.Change(0, BreathingSettings.DEFAULT))
                : List.copyOf(changes);
        Rng rng = Rng.forStream(seed, 5);
        lateralShare = rng.uniform(-0.3, 0.3);
        double wanderP1 = rng.uniform(180, 420), wanderP2 = rng.uniform(420, 720);
        double wanderPh1 = rng.uniform(0, 2 * Math.PI), wanderPh2 = rng.uniform(0, 2 * Math.PI);
        double depthP = rng.uniform(120, 360), depthPh = rng.uniform(0, 2 * Math.PI);
        int capacity = 64;
        double[] on = new double[capacity], in = new double[capacity], ex = new double[capacity];
        double[] hold = new double[capacity], depth = new double[capacity];
        byte[] kinds = new byte[capacity];
        int n = 0;
        double t = -LEAD_S - rng.uniform(0, 5);
        while (t < durationS + LEAD_S) {
            BreathingSettings s = settingsAt(t);
            double wander = 0.6 * Math.sin(2 * Math.PI * t / wanderP1 + wanderPh1)
                    + 0.4 * Math.sin(2 * Math.PI * t / wanderP2 + wanderPh2);
            double rate = targetRateAt(t) * (1 + s.wander() * wander);
            double period = 60 / rate * clamp(1 + s.variability() * rng.nextGaussian(), 0.6, 1.5);
            double d = s.depthDeg() * (1 + 0.25 * Math.sin(2 * Math.PI * t / depthP + depthPh))
                    * clamp(1 + 0.12 * rng.nextGaussian(), 0.7, 1.3);
            double inhaleShare = rng.uniform(0.38, 0.46);
            double perBreathHours = 1 / (60 * rate);
            double u = rng.nextDouble();
            byte k = NORMAL;
            double h = 0;
            if (u < s.sighsPerHour() * perBreathHours) {
                k = SIGH;
                d *= SIGH_DEPTH;
                period *= SIGH_LENGTH;
                h = rng.uniform(2, 5);
            } else if (u < (s.sighsPerHour() + s.pausesPerHour()) * perBreathHours) {
                k = PAUSE;
                h = rng.uniform(4, 10);
            }
            if (n == on.length) {
                capacity *= 2;
                on = Arrays.copyOf(on, capacity);
                in = Arrays.copyOf(in, capacity);
                ex = Arrays.copyOf(ex, capacity);
                hold = Arrays.copyOf(hold, capacity);
                depth = Arrays.copyOf(depth, capacity);
                kinds = Arrays.copyOf(kinds, capacity);
            }
            on[n] = t;
            in[n] = period * inhaleShare;
            ex[n] = period * (1 - inhaleShare);
            hold[n] = h;
            depth[n] = d;
            kinds[n] = k;
            n++;
            t += period + h;
        }
        onsetS = on;
        inhaleS = in;
        exhaleS = ex;
        holdS = hold;
        depthDeg = depth;
        kind = kinds;
        count = n;
    }

    /** The rate the settings ask for at {@code tS} (before wander and breath-to-breath spread), per minute. */
    public double targetRateAt(double tS) {
        int i = changeAt(tS);
        BreathingSettings s = changes.get(i).settings();
        double since = tS - changes.get(i).fromS();
        if (i > 0 && since < s.glideS()) {
            double before = changes.get(i - 1).settings().ratePerMin();
            return before + BodyModel.minJerk(since / s.glideS()) * (s.ratePerMin() - before);
        }
        return s.ratePerMin();
    }

    private BreathingSettings settingsAt(double tS) {
        return changes.get(changeAt(tS)).settings();
    }

    private int changeAt(double tS) {
        int i = 0;
        while (i < changes.size() - 1 && changes.get(i + 1).fromS() <= tS) {
            i++;
        }
        return i;
    }

    /**
     * The breathing tilt at {@code tS}: how far the breath in progress has extended the upper back, degrees
     * (0 at the end of an exhalation). Allocation-free; fastest when called with increasing times.
     */
    public double extensionDeg(double tS) {
        int i = breathAt(tS);
        if (i < 0) {
            return 0;
        }
        double u = tS - onsetS[i];
        double volume;
        if (u < inhaleS[i]) {
            volume = 0.5 - 0.5 * Math.cos(Math.PI * u / inhaleS[i]);
        } else if (u < inhaleS[i] + exhaleS[i]) {
            volume = 0.5 + 0.5 * Math.cos(Math.PI * (u - inhaleS[i]) / exhaleS[i]);
        } else {
            volume = 0;
        }
        return depthDeg[i] * volume;
    }

    /** The share of the breathing tilt that shows as lateral bend (seeded, −0.3..0.3). */
    public double lateralShare() {
        return lateralShare;
    }

    /** The index of the breath in progress at {@code tS}, or −1 before the first. */
    public int breathAt(double tS) {
        int i = cursor;
        while (i > 0 && tS < onsetS[i]) {
            i--;
        }
        while (i < count - 1 && tS >= onsetS[i + 1]) {
            i++;
        }
        cursor = i;
        return tS < onsetS[i] ? -1 : i;
    }

    public int breathCount() {
        return count;
    }

    /** When breath {@code i} starts to breathe in, s from the scenario's start (the first ones are before 0). */
    public double onsetS(int i) {
        return onsetS[i];
    }

    /** Breath {@code i}'s whole length: inhalation, exhalation and pause, s. */
    public double periodS(int i) {
        return inhaleS[i] + exhaleS[i] + holdS[i];
    }

    /** Breath {@code i}'s peak tilt, degrees. */
    public double depthDeg(int i) {
        return depthDeg[i];
    }

    /** {@link #NORMAL}, {@link #SIGH} or {@link #PAUSE}. */
    public byte kind(int i) {
        return kind[i];
    }

    public static String kindLabel(byte kind) {
        return KIND_LABELS[kind];
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
