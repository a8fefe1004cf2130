package io.midback.sim;

import io.midback.posture.Mounting;
import io.midback.sensor.Quat;
import io.midback.posture.PostureState;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.List;

/**
 * A back-worn IMU following a scenario: the {@link BodyModel} moves the trunk, the sensor rides on it at its
 * {@link Mounting}, {@value #LEVER_UP_M} m above and {@value #LEVER_BACK_M} m behind the trunk's rotation centre,
 * and reports what a real one would.
 *
 * <ul>
 *   <li>Gyroscope (sensor frame, rad/s): the mean angular rate over the interval ending at the sample (what an
 *       integrating MEMS gyro reports), plus a bias (a constant per axis drawn from the seed plus a random
 *       walk) plus white noise. Integrating {@code gyro − bias} sample by sample over the interval ending at
 *       each sample reproduces the true orientation up to the noise.</li>
 *   <li>Accelerometer (sensor frame, m/s²): specific force = the sensor point's linear acceleration (the
 *       pivot's, e.g. walking and standing up, plus the lever arm's, by central differences of its position)
 *       plus g = {@value #GRAVITY_MPS2} up, rotated into the sensor frame, plus white noise. No bias.</li>
 *   <li>Magnetometer (optional, µT): the earth field (0, 20, −40) ENU rotated into the sensor frame plus white
 *       noise.</li>
 * </ul>
 *
 * <p>Samples are at {@code t = k / rate} for {@code k = 0 .. floor(duration × rate) − 1}. Pacing is the
 * caller's: {@link #fill} produces as many samples as asked as fast as it can. Nothing is allocated per sample.
 */
public final class Simulator {
    public static final double GRAVITY_MPS2 = 9.80665;
    /** Earth magnetic field in ENU, µT (north 20, down 40: about 63° inclination). */
    public static final double EARTH_FIELD_EAST_MICROT = 0, EARTH_FIELD_NORTH_MICROT = 20,
            EARTH_FIELD_UP_MICROT = -40;
    /** Sensor position relative to the trunk's rotation centre in the body frame, m. */
    public static final double LEVER_UP_M = 0.15, LEVER_BACK_M = 0.08;

    private final Scenario scenario;
    private final SimulatorConfig config;
    private final Site site;
    private final SensorClock clock;
    /** The sample period in true seconds (its own clock's period when that runs true). */
    private final double trueDtS;
    private final BodyModel model;
    private final List<SlumpEpisode> episodes;
    private final Quat mount;
    private final Quat deskOrientation;
    private final double dtS;
    private final long sampleCount;
    private final Rng noise, magNoise;
    private final double gyroSigma, accelSigma, magSigma, biasStepSigma;
    private final double[] initialBias = new double[3];
    private final double[] bias = new double[3];

    private BodyPose prevPose = new BodyPose(), curPose = new BodyPose(), nextPose = new BodyPose();
    private Quat prevQ = new Quat(), curQ = new Quat(), nextQ = new Quat();
    private double[] prevR = new double[3], curR = new double[3], nextR = new double[3];
    private final Quat delta = new Quat();
    private final double[] tmp = new double[3];
    private final TruthFrame truth = new TruthFrame();
    private TruthListener truthListener;
    private long k;
    private int episodeCursor;

    public Simulator(Scenario scenario, SimulatorConfig config) {
        this(scenario, config, Site.THORAX, SensorClock.IDEAL);
    }

    /**
     * A sensor at {@code site} on the wearer (the body's movements follow the seed, its own errors the site's
     * random streams), sampling on its own {@code clock}: its samples carry device time, its truth true time.
     * A sensor on the {@link Site#SACRUM} finds its true slump episodes from the spine's flexion between the
     * sensors.
     */
    public Simulator(Scenario scenario, SimulatorConfig config, Site site, SensorClock clock) {
        this.scenario = scenario;
        this.config = config;
        this.site = site;
        this.clock = clock;
        this.model = new BodyModel(scenario, config.seed());
        this.episodes = config.slumps().find(new BodyModel(scenario, config.seed()), site != Site.THORAX);
        this.mount = site.segmentToSensor(config.mounting().bodyToSensor());
        double h = Math.toRadians(scenario.headingDeg());
        this.deskOrientation = new Quat().setAxisAngle(0, 0, 1, -h);
        this.dtS = 1.0 / config.rateHz();
        this.trueDtS = dtS / (1 + clock.fastFraction());
        this.sampleCount = Math.max(0,
                (long) Math.floor(clock.deviceTimeS(scenario.durationS()) * config.rateHz() + 1e-6));
        SensorErrors e = config.errors();
        int stream = site.noiseStream();
        Rng biasRng = Rng.forStream(config.seed(), stream);
        for (int i = 0; i < 3; i++) {
            initialBias[i] = Math.toRadians(e.gyroBiasSigmaDegPerS()) * biasRng.nextGaussian();
            bias[i] = initialBias[i];
        }
        noise = Rng.forStream(config.seed(), stream + 1);
        magNoise = Rng.forStream(config.seed(), stream + 2);
        gyroSigma = e.gyroNoiseRadPerS(config.rateHz());
        accelSigma = e.accelNoiseMps2(config.rateHz());
        magSigma = e.magNoiseMicroT();
        biasStepSigma = Math.toRadians(e.gyroBiasWalkDegPerSqrtS()) * Math.sqrt(trueDtS);
        advanceTo(time(-1), prevPose, prevQ, prevR);
        advanceTo(time(0), curPose, curQ, curR);
        advanceTo(time(1), nextPose, nextQ, nextR);
    }

    /** Convenience: a built-in scenario or scenario file with the given configuration. */
    public static Simulator of(String scenarioNameOrPath, SimulatorConfig config) {
        return new Simulator(Scenario.load(scenarioNameOrPath), config);
    }

    public Scenario scenario() {
        return scenario;
    }

    public SimulatorConfig config() {
        return config;
    }

    public Site site() {
        return site;
    }

    public SensorClock clock() {
        return clock;
    }

    /** The body model this simulator plays (a separate instance from the one producing samples). */
    public BodyModel newBodyModel() {
        return new BodyModel(scenario, config.seed());
    }

    public double durationS() {
        return scenario.durationS();
    }

    /** How many samples the whole run produces. */
    public long sampleCount() {
        return sampleCount;
    }

    /** How many samples have been produced so far. */
    public long position() {
        return k;
    }

    public boolean hasNext() {
        return k < sampleCount;
    }

    /** The true slump episodes under {@link SimulatorConfig#slumps()}. */
    public List<SlumpEpisode> trueSlumpEpisodes() {
        return episodes;
    }

    /** The constant part of the gyroscope bias (sensor frame, rad/s) into out[0..2]. */
    public void initialGyroBias(double[] out) {
        System.arraycopy(initialBias, 0, out, 0, 3);
    }

    /** Receives the truth of each sample from now on (null: none). */
    public void setTruthListener(TruthListener listener) {
        this.truthListener = listener;
    }

    /** Runs to the end, handing full batches to the sink, then {@code sink.end()}. */
    public void run(SampleSink sink) {
        SampleBatch batch = new SampleBatch();
        while (hasNext()) {
            batch.clear();
            fill(batch, batch.capacity());
            sink.accept(batch);
        }
        sink.end();
    }

    /** Appends up to {@code max} samples to the batch (fewer when it fills up or the run ends). */
    public int fill(SampleBatch batch, int max) {
        int room = Math.min(max, batch.capacity() - batch.size());
        int n = 0;
        while (n < room && k < sampleCount) {
            produce(batch);
            n++;
        }
        return n;
    }

    /** True time of sample {@code index}. */
    private double time(long index) {
        return clock.trueTimeS(index / config.rateHz());
    }

    private void advanceTo(double t, BodyPose pose, Quat q, double[] lever) {
        model.evaluate(t, pose);
        Quat segment = site.breathes() ? pose.bodyToEarth : pose.pelvisToEarth;
        q.setProductConjugate(segment, mount);
        double breathOut = site.breathes() ? pose.breathOutM : 0, breathLift = site.breathes() ? pose.breathLiftM : 0;
        segment.rotate(0, -site.leverBackM() - breathOut, site.leverUpM() + breathLift, lever, 0);
        if (pose.offWeight > 0) {
            // Taken off: towards flat on the desk, face up, turned to the wearer's heading; the lever arm fades.
            q.setSlerp(q, deskOrientation, pose.offWeight);
            double keep = 1 - pose.offWeight;
            lever[0] *= keep;
            lever[1] *= keep;
            lever[2] *= keep;
        }
    }

    private void produce(SampleBatch batch) {
        double t = curPose.tS;
        TruthFrame tr = truth;
        // True angular rate over (t - dt, t] in the sensor frame.
        delta.setConjugateProduct(prevQ, curQ).toRotationVector(tr.gyroRadPerS, 0);
        double inv = 1 / trueDtS;
        tr.gyroRadPerS[0] *= inv;
        tr.gyroRadPerS[1] *= inv;
        tr.gyroRadPerS[2] *= inv;
        double inv2 = inv * inv;
        double[] la = tr.linearAccelMps2;
        for (int i = 0; i < 3; i++) {
            la[i] = curPose.pivotAccelMps2[i] + (nextR[i] - 2 * curR[i] + prevR[i]) * inv2;
        }
        curQ.rotateInverse(la[0], la[1], la[2] + GRAVITY_MPS2, tr.specificForceMps2, 0);

        if (k > 0) {
            for (int i = 0; i < 3; i++) {
                bias[i] += biasStepSigma * noise.nextGaussian();
            }
        }
        double gx = tr.gyroRadPerS[0] + bias[0] + gyroSigma * noise.nextGaussian();
        double gy = tr.gyroRadPerS[1] + bias[1] + gyroSigma * noise.nextGaussian();
        double gz = tr.gyroRadPerS[2] + bias[2] + gyroSigma * noise.nextGaussian();
        double ax = tr.specificForceMps2[0] + accelSigma * noise.nextGaussian();
        double ay = tr.specificForceMps2[1] + accelSigma * noise.nextGaussian();
        double az = tr.specificForceMps2[2] + accelSigma * noise.nextGaussian();
        double mx = Double.NaN, my = Double.NaN, mz = Double.NaN;
        if (config.magnetometer()) {
            curQ.rotateInverse(EARTH_FIELD_EAST_MICROT, EARTH_FIELD_NORTH_MICROT, EARTH_FIELD_UP_MICROT, tmp, 0);
            mx = tmp[0] + magSigma * magNoise.nextGaussian();
            my = tmp[1] + magSigma * magNoise.nextGaussian();
            mz = tmp[2] + magSigma * magNoise.nextGaussian();
        }

        if (truthListener != null) {
            tr.index = k;
            tr.tS = t;
            tr.deviceTS = k / config.rateHz();
            tr.pelvicTiltDeg = curPose.pelvicTiltDeg;
            tr.spineFlexionDeg = curPose.spineFlexionDeg;
            boolean off = curPose.mode == Activity.Mode.OFF;
            tr.flexionDeg = off ? Double.NaN : curPose.flexionDeg;
            tr.lateralBendDeg = off ? Double.NaN : curPose.lateralBendDeg;
            tr.axialRotationDeg = off ? Double.NaN : curPose.axialRotationDeg;
            tr.state = stateAt(t, curPose);
            tr.sedentary = curPose.sedentary;
            Segment s = scenario.segments().get(curPose.segmentIndex);
            tr.activity = s.activity();
            tr.scenarioLine = s.line();
            tr.sensorToEarth.set(curQ);
            tr.bodyToEarth.set(curPose.bodyToEarth);
            System.arraycopy(bias, 0, tr.gyroBiasRadPerS, 0, 3);
            truthListener.onTruth(tr);
        }
        batch.add(k / config.rateHz(), gx, gy, gz, ax, ay, az, mx, my, mz);

        k++;
        // Shift the window: prev <- cur <- next <- evaluate(k + 1).
        BodyPose p = prevPose;
        prevPose = curPose;
        curPose = nextPose;
        nextPose = p;
        Quat q = prevQ;
        prevQ = curQ;
        curQ = nextQ;
        nextQ = q;
        double[] r = prevR;
        prevR = curR;
        curR = nextR;
        nextR = r;
        advanceTo(time(k + 1), nextPose, nextQ, nextR);
    }

    private PostureState stateAt(double t, BodyPose pose) {
        if (!pose.sedentary) {
            return pose.baseState;
        }
        while (episodeCursor < episodes.size() && episodes.get(episodeCursor).endS() <= t) {
            episodeCursor++;
        }
        if (episodeCursor < episodes.size()) {
            SlumpEpisode e = episodes.get(episodeCursor);
            if (t >= e.startS() && t < e.endS()) {
                return PostureState.SLOUCHED;
            }
        }
        return pose.baseState;
    }
}
