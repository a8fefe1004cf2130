package io.midback.sim;

import io.midback.sensor.Quat;
import io.midback.posture.PostureState;

import java.util.List;

/**
 * The trunk's motion through a scenario as a pure function of time: the same scenario and seed give the same
 * pose at the same time whatever the sample rate or mounting.
 *
 * <p>Angles are the sum of
 * <ul>
 *   <li>the scenario's base position ({@link BaseFlexion}: 0 upright, 90° on hands and knees or prone), not
 *       enveloped;</li>
 *   <li>the current line's excursion: its target angles times an envelope that rises over {@code ramp} s and
 *       falls over {@code recover} s (minimum-jerk quintic, so rates and accelerations are continuous);</li>
 *   <li>breathing ({@link Breathing}): each breath extends the upper back by a fraction of a degree (with a
 *       seeded share of side bend) and lifts it by a few millimetres;</li>
 *   <li>the small slow movements of seated work: per axis a sum of three sinusoids of 0.015–0.2 Hz (seeded),
 *       about 1° flexion, 0.7° lateral bend and 1.5° axial rotation each, scaled by the activity (0 when
 *       {@code still}, 1 when {@code type}) and blended over 1 s between lines;</li>
 *   <li>standing up and sitting down (by default 2 s each with a 30° forward lean, set per line, at the start or
 *       end of a {@code stand} or {@code walk} line next to a sitting or lying one): the lean and a minimum-jerk
 *       rise of the pivot by 0.45 m and 0.15 m forward (sitting down: down by 0.45 m and back by 0.15 m);</li>
 *   <li>walking: 4° forward lean, ±1.5° flexion at the step frequency, ±2.5° lateral sway and ±4° axial
 *       rotation at the stride frequency; the pivot bounces {@code bounce} (default ±2.2 cm, about ±2.8 m/s² at
 *       108 steps per minute) vertically, surges ±1 m/s² forward and sways ±2.5 cm sideways; starts and stops over 1 s.</li>
 * </ul>
 * The trunk's orientation (body → ENU) is {@code heading ⊗ Rx(−flexion) ⊗ Ry(lateral bend) ⊗ Rz(−axial
 * rotation)}: the intrinsic ISB sequence with the signs that make flexion forward, bend and rotation right
 * positive. Lying is flexion −90° (supine: the trunk horizontal, the chest up).
 *
 * <p>The pelvis (where a lower sensor sits, on the sacrum) turns about the hips, about the medio-lateral axis
 * only: {@code heading ⊗ Rx(−pelvicTilt)}. Its tilt is the base position, the line's pelvic target times the same
 * envelope (a hinge tilts it as far as the trunk, a slump or recline rolls it back), {@value #PELVIS_MICRO_SHARE} of
 * the small flexion movements, {@value #PELVIS_LEAN_SHARE} of the lean while standing up or sitting down, and the
 * 4° lean of walking. The upper back's angles do not depend on it; the spine between the two is what is left.
 */
public final class BodyModel {
    /** How long standing up or sitting down takes. */
    public static final double RISE_S = 2.0;
    /** The hips rise (or fall) this much standing up (sitting down), m; the default peak forward lean, degrees. */
    static final double RISE_HEIGHT_M = 0.45, RISE_FORWARD_M = 0.15, RISE_LEAN_DEG = 30;
    static final double WALK_START_S = 1.0;
    static final double MICRO_BLEND_S = 1.0;
    /** Truth-label thresholds: reclined at flexion ≤ −10°, leaning sideways at |lateral bend| ≥ 10°. */
    public static final double RECLINED_BELOW_DEG = -10, LEANING_BEYOND_DEG = 10;
    /** The share of the small flexion movements, and of the lean while standing up or sitting down, at the hips. */
    static final double PELVIS_MICRO_SHARE = 0.3, PELVIS_LEAN_SHARE = 0.7;

    private final Scenario scenario;
    private final List<Segment> segments;
    private final double[] previousMicro;
    private final double headingHalfCos, headingHalfSin, headingCos, headingSin;
    private final double[] microFreq = new double[9], microPhase = new double[9], microAmp = new double[9];
    private final Breathing breathing;
    private final BaseFlexion baseFlexion;
    private int cursor;

    public BodyModel(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.segments = scenario.segments();
        this.baseFlexion = scenario.baseFlexion();
        previousMicro = new double[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            previousMicro[i] = i == 0 ? segments.get(0).micro() : segments.get(i - 1).micro();
        }
        double h = Math.toRadians(scenario.headingDeg());
        // Facing azimuth h (clockwise from north) = rotation by -h about up.
        headingHalfCos = Math.cos(-h / 2);
        headingHalfSin = Math.sin(-h / 2);
        headingCos = Math.cos(h);
        headingSin = Math.sin(h);
        Rng rng = Rng.forStream(seed, 1);
        double[] axisAmp = {1.0, 0.7, 1.5};
        for (int i = 0; i < 9; i++) {
            microFreq[i] = rng.uniform(0.015, 0.2);
            microPhase[i] = rng.uniform(0, 2 * Math.PI);
            microAmp[i] = axisAmp[i / 3] * rng.uniform(0.5, 1.0);
        }
        breathing = new Breathing(scenario.breathing(), scenario.durationS(), seed);
    }

    /** The breaths this model plays (its own instance: the truth of when each breath was). */
    public Breathing breathing() {
        return breathing;
    }

    public Scenario scenario() {
        return scenario;
    }

    public double durationS() {
        return scenario.durationS();
    }

    /** Fills {@code out} with the pose at time {@code tS} (clamped to the scenario's span). */
    public void evaluate(double tS, BodyPose out) {
        out.tS = tS;
        int i = segmentAt(tS);
        Segment s = segments.get(i);
        double u = Math.min(Math.max(tS - s.startS(), 0), s.durationS());
        double d = s.durationS();
        double env = envelope(u, d, s.rampS(), s.recoverS());
        out.offWeight = s.mode() == Activity.Mode.OFF ? env : 0;
        double base = baseFlexion.flexionDeg(tS);
        double flex = s.flexTargetDeg() * env + base;
        double pelvis = s.pelvisTargetDeg() * env + base;
        double lat = s.latTargetDeg() * env;
        double axial = s.axialTargetDeg() * env;

        double t = tS;
        double breathDeg = breathing.extensionDeg(t);
        flex -= breathDeg;
        lat += breathing.lateralShare() * breathDeg;
        out.breathLiftM = breathDeg * Breathing.LIFT_M_PER_DEG;
        out.breathOutM = breathDeg * Breathing.OUT_M_PER_DEG;
        double microScale = s.micro();
        if (u < MICRO_BLEND_S) {
            microScale = previousMicro[i] + (s.micro() - previousMicro[i]) * minJerk(u / MICRO_BLEND_S);
        }
        if (microScale > 0) {
            double microFlex = microScale * microSum(0, t);
            flex += microFlex;
            pelvis += PELVIS_MICRO_SHARE * microFlex;
            lat += microScale * microSum(3, t);
            axial += microScale * microSum(6, t);
        }

        double[] a = out.pivotAccelMps2;
        double aFwd = 0, aUp = 0, aRight = 0;
        Activity.Mode mode = s.mode();
        boolean transition = false;
        if (mode == Activity.Mode.STANDING || mode == Activity.Mode.WALKING) {
            boolean rise = s.previousMode() == Activity.Mode.SITTING || s.previousMode() == Activity.Mode.LYING;
            boolean sit = s.nextMode() == Activity.Mode.SITTING || s.nextMode() == Activity.Mode.LYING;
            Segment.Transitions tr = s.transitions();
            double riseS = rise ? tr.riseS() : 0, sitS = sit ? tr.sitS() : 0;
            if (riseS + sitS > d) {
                double k = d / (riseS + sitS);
                riseS *= k;
                sitS *= k;
            }
            if (rise && u < riseS) {
                transition = true;
                double tau = u / riseS;
                double bell = Math.sin(Math.PI * tau);
                flex += tr.riseLeanDeg() * bell * bell;
                pelvis += PELVIS_LEAN_SHARE * tr.riseLeanDeg() * bell * bell;
                double acc = minJerkAccel(tau) / (riseS * riseS);
                aUp += RISE_HEIGHT_M * acc;
                aFwd += RISE_FORWARD_M * acc;
            }
            if (sit && u > d - sitS) {
                transition = true;
                double tau = (u - (d - sitS)) / sitS;
                double bell = Math.sin(Math.PI * tau);
                flex += tr.sitLeanDeg() * bell * bell;
                pelvis += PELVIS_LEAN_SHARE * tr.sitLeanDeg() * bell * bell;
                double acc = minJerkAccel(tau) / (sitS * sitS);
                aUp -= RISE_HEIGHT_M * acc;
                aFwd -= RISE_FORWARD_M * acc; // the hips go back into the chair
            }
            if (mode == Activity.Mode.WALKING) {
                double w0 = riseS, w1 = d - sitS;
                double span = w1 - w0;
                if (span > 0 && u > w0 && u < w1) {
                    double ramp = Math.min(WALK_START_S, span / 2);
                    double w = 1, dw = 0;
                    if (u - w0 < ramp) {
                        w = minJerk((u - w0) / ramp);
                        dw = minJerkRate((u - w0) / ramp) / ramp;
                    } else if (w1 - u < ramp) {
                        w = minJerk((w1 - u) / ramp);
                        dw = -minJerkRate((w1 - u) / ramp) / ramp;
                    }
                    double f = s.cadenceStepsPerMin() / 60.0;
                    double phi = 2 * Math.PI * f * t;
                    double halfSin = Math.sin(phi / 2), halfCos = Math.cos(phi / 2);
                    double sinPhi = 2 * halfSin * halfCos, cosPhi = halfCos * halfCos - halfSin * halfSin;
                    flex += w * (4 + 1.5 * sinPhi);
                    pelvis += w * 4;
                    lat += w * 2.5 * halfSin;
                    axial += w * 4 * halfCos;
                    double omega = 2 * Math.PI * f;
                    aUp += w * s.bounceM() * omega * omega * cosPhi;
                    aFwd += w * 1.0 * Math.sin(phi + 0.5) + s.speedMps() * dw;
                    aRight += -w * 0.025 * (omega / 2) * (omega / 2) * halfSin;
                }
            }
        }
        // Heading frame (right, forward, up) → ENU.
        a[0] = aRight * headingCos + aFwd * headingSin;
        a[1] = -aRight * headingSin + aFwd * headingCos;
        a[2] = aUp;

        out.flexionDeg = flex;
        out.lateralBendDeg = lat;
        out.axialRotationDeg = axial;
        out.pelvicTiltDeg = pelvis;
        out.spineFlexionDeg = flex - pelvis;
        out.mode = mode;
        out.sedentary = mode == Activity.Mode.SITTING || mode == Activity.Mode.STANDING && !transition;
        out.segmentIndex = i;
        out.baseState = baseState(s, flex, lat);
        orientation(flex, lat, axial, out.bodyToEarth);
        orientation(pelvis, 0, 0, out.pelvisToEarth);
    }

    private PostureState baseState(Segment s, double flex, double lat) {
        switch (s.mode()) {
            case STANDING:
                return PostureState.STANDING;
            case WALKING:
                return PostureState.WALKING;
            case LYING:
                return PostureState.LYING;
            case OFF:
                return PostureState.NOT_WORN;
            default:
                break;
        }
        if (s.stateOverride() != null) {
            return s.stateOverride();
        }
        if (flex <= RECLINED_BELOW_DEG) {
            return PostureState.RECLINED;
        }
        if (Math.abs(lat) >= LEANING_BEYOND_DEG) {
            return PostureState.LEANING_SIDEWAYS;
        }
        return PostureState.UPRIGHT;
    }

    /** heading ⊗ Rx(−flex) ⊗ Ry(lat) ⊗ Rz(−axial) into {@code q}. */
    void orientation(double flexDeg, double latDeg, double axialDeg, Quat q) {
        double ha = Math.toRadians(-flexDeg) / 2, hb = Math.toRadians(latDeg) / 2, hc = Math.toRadians(-axialDeg) / 2;
        double ca = Math.cos(ha), sa = Math.sin(ha), cb = Math.cos(hb), sb = Math.sin(hb);
        double cc = Math.cos(hc), sc = Math.sin(hc);
        // qa ⊗ qb with qa = (ca, sa, 0, 0), qb = (cb, 0, sb, 0)
        double w1 = ca * cb, x1 = sa * cb, y1 = ca * sb, z1 = sa * sb;
        // ⊗ qc = (cc, 0, 0, sc)
        double w2 = w1 * cc - z1 * sc;
        double x2 = x1 * cc + y1 * sc;
        double y2 = -x1 * sc + y1 * cc;
        double z2 = w1 * sc + z1 * cc;
        // heading (hw, 0, 0, hz) ⊗ q2
        double hw = headingHalfCos, hz = headingHalfSin;
        q.set(hw * w2 - hz * z2, hw * x2 - hz * y2, hw * y2 + hz * x2, hw * z2 + hz * w2);
    }

    private double microSum(int base, double t) {
        double sum = 0;
        for (int k = base; k < base + 3; k++) {
            sum += microAmp[k] * Math.sin(2 * Math.PI * microFreq[k] * t + microPhase[k]);
        }
        return sum;
    }

    private int segmentAt(double t) {
        int i = cursor;
        if (t < segments.get(i).startS()) {
            while (i > 0 && t < segments.get(i).startS()) {
                i--;
            }
        } else {
            while (i < segments.size() - 1 && t >= segments.get(i).endS()) {
                i++;
            }
        }
        cursor = i;
        return i;
    }

    static double envelope(double u, double d, double ramp, double recover) {
        double e = 1;
        if (ramp > 0 && u < ramp) {
            e = minJerk(u / ramp);
        }
        if (recover > 0 && u > d - recover) {
            e = Math.min(e, minJerk((d - u) / recover));
        }
        return e;
    }

    /** Minimum-jerk position 10τ³ − 15τ⁴ + 6τ⁵, clamped to [0, 1]. */
    static double minJerk(double tau) {
        if (tau <= 0) {
            return 0;
        }
        if (tau >= 1) {
            return 1;
        }
        return tau * tau * tau * (10 + tau * (-15 + 6 * tau));
    }

    static double minJerkRate(double tau) {
        if (tau <= 0 || tau >= 1) {
            return 0;
        }
        return 30 * tau * tau * (1 - tau) * (1 - tau);
    }

    static double minJerkAccel(double tau) {
        if (tau <= 0 || tau >= 1) {
            return 0;
        }
        return 60 * tau * (1 - tau) * (1 - 2 * tau);
    }
}
