package io.midback.alert;

import io.midback.posture.Calibration;
import io.midback.posture.PostureDiagnostics;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureSettings;
import io.midback.posture.PostureTracker;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The posture and alert stages of one session: per sample, the filter's orientation and the raw gyroscope and
 * accelerometer in; a filled {@link PostureFrame} out, and alerts, finished slump episodes and calibrations to
 * the {@link AlertListener}. Allocation-free per sample (alerts and calibrations, which are rare, allocate).
 *
 * <p>Lives in {@code alert} because it composes both stages ({@code alert} may use {@code posture}, not the
 * other way round). Control calls ({@link #recalibrate()}, {@link #captureForwardLean()}, {@link #updateSettings},
 * {@link #snooze(Snooze)}, {@link #cancelSnooze()})
 * may come from any thread; they take effect at the next sample.
 */
public final class PostureEngine {
    private volatile PostureSettings settings;
    private final java.util.concurrent.atomic.AtomicReference<PostureSettings> settingsRequest =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final AlertListener alerts;
    private final PostureTracker tracker;
    private final SlumpPolicy slump;
    private final BreakPolicy breaks;
    private final StalenessPolicy staleness;
    private Instant sessionStart;
    private ZoneId zone;

    private final java.util.concurrent.atomic.AtomicReference<Snooze> snoozeRequest =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean cancelSnoozeRequest =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<double[]> activeBreakRequest =
            new java.util.concurrent.atomic.AtomicReference<>();
    /**
     * Set after any control request (settings, snooze, cancel, active break): one volatile read per sample looks
     * for them.
     */
    private volatile boolean controlPending;
    private double snoozedUntilS = Double.NEGATIVE_INFINITY;
    private boolean calibrationChanged;

    /** With the system clock's time and zone as the session start (live use). */
    public PostureEngine(PostureSettings settings, AlertListener alerts) {
        this(settings, alerts, Clock.systemDefaultZone());
    }

    /** @param clock gives the session start (its instant now) and the zone "until tomorrow" snoozes use */
    public PostureEngine(PostureSettings settings, AlertListener alerts, Clock clock) {
        this.settings = settings;
        this.alerts = alerts;
        this.tracker = new PostureTracker(settings);
        this.slump = new SlumpPolicy(settings, alerts);
        this.breaks = new BreakPolicy(settings, alerts);
        this.staleness = new StalenessPolicy(settings, alerts);
        this.sessionStart = clock.instant();
        this.zone = clock.getZone();
        tracker.setCalibrationListener(c -> {
            calibrationChanged = true;
            alerts.onCalibration(c);
        });
    }

    /** The wall time of the session's first sample and the wearer's zone (a replay knows them from its file). */
    public void setSessionStart(Instant start, ZoneId zone) {
        this.sessionStart = start;
        this.zone = zone;
    }

    /** Set when the orientation has an absolute heading (magnetometer): axial rotation is then absolute. */
    public void setRotationAbsolute(boolean absolute) {
        tracker.setRotationAbsolute(absolute);
    }

    /** The settings in use (after a {@link #updateSettings} they change at the next sample). */
    public PostureSettings settings() {
        return settings;
    }

    /**
     * Changes the settings of the running session (slump threshold, dwell, preset, break interval…) from the next
     * sample on; an episode under way is judged by the new threshold from then. Any thread.
     */
    public void updateSettings(PostureSettings s) {
        settingsRequest.set(java.util.Objects.requireNonNull(s, "settings"));
        controlPending = true;
    }

    /**
     * One sample.
     *
     * @param tS  seconds from the session's first sample
     * @param qw  the orientation filter's quaternion, sensor → ENU (and qx, qy, qz)
     * @param gxRadPerS gyroscope (and gy, gz), rad/s
     * @param axMps2    accelerometer (and ay, az), m/s²
     * @param out filled with this sample's angles and state
     */
    public void update(double tS, double qw, double qx, double qy, double qz,
                       double gxRadPerS, double gyRadPerS, double gzRadPerS,
                       double axMps2, double ayMps2, double azMps2, PostureFrame out) {
        boolean control = controlPending;
        if (control) {
            controlPending = false; // before the requests are taken: one made meanwhile sets it again
            takeSettings();
        }
        tracker.update(tS, qw, qx, qy, qz, gxRadPerS, gyRadPerS, gzRadPerS, axMps2, ayMps2, azMps2, out);
        double dt = tracker.dtS();
        if (calibrationChanged) {
            calibrationChanged = false;
            slump.close(tS);
            staleness.reset();
        }
        if (control) {
            takeSnoozeAndBreak(tS);
        }
        boolean awake = tS >= snoozedUntilS;
        staleness.update(tS, dt, out.state, tracker.isMoving(), awake);
        boolean sedentary = out.calibrated && out.state.isSedentary();
        slump.update(tS, out.slumpFlexionDeg(), sedentary, awake && !staleness.isStale(), awake);
        breaks.update(tS, dt, out.state, awake);
    }

    // The control requests, rare, out of the per-sample method (which stays small enough to be inlined).

    private void takeSettings() {
        PostureSettings s = settingsRequest.getAndSet(null);
        if (s != null) {
            settings = s;
            tracker.updateSettings(s);
            slump.updateSettings(s);
            breaks.updateSettings(s);
            staleness.updateSettings(s);
        }
    }

    private void takeSnoozeAndBreak(double tS) {
        if (cancelSnoozeRequest.getAndSet(false)) {
            snoozedUntilS = Double.NEGATIVE_INFINITY;
        }
        Snooze request = snoozeRequest.getAndSet(null);
        if (request != null) {
            snoozedUntilS = request.untilS(tS, sessionStart, zone);
        }
        double[] activeBreak = activeBreakRequest.getAndSet(null);
        if (activeBreak != null) {
            breaks.activeBreak(activeBreak[0], activeBreak[1]);
        }
    }

    /** Samples are missing between two session times: an open slump ends where the data stopped. */
    public void gap(double fromS, double toS) {
        tracker.gap(fromS, toS);
        slump.close(fromS);
        breaks.gap(fromS, toS);
    }

    /** The session ended at {@code lastS}: an open slump episode is closed and reported. */
    public void end(double lastS) {
        slump.close(lastS);
    }

    /** Captures a new neutral pose from the next few seconds (sit upright and still). Any thread. */
    public void recalibrate() {
        tracker.requestRecalibration();
    }

    /**
     * The guided calibration's lean step: the wearer leans forward slowly from now (next sample) until
     * {@link #endForwardLean()}; the lean's axis then becomes the sensor's mounting (a new calibration goes to
     * the listener). Any thread.
     */
    public void captureForwardLean() {
        tracker.requestForwardLean();
    }

    /** Ends the lean started by {@link #captureForwardLean()} at the next sample. Any thread. */
    public void endForwardLean() {
        tracker.endForwardLean();
    }

    /** Uses a stored calibration (for example from a recording's {@code # calibration:} line). */
    public void useCalibration(Calibration c) {
        tracker.useCalibration(c);
    }

    public Calibration calibration() {
        return tracker.calibration();
    }

    /**
     * A movement routine from session time {@code fromS} to {@code toS} was done to its end: it counts as a break
     * ({@link io.midback.posture.SedentaryBouts#activeBreak}), so the sitting clock starts again after it and the next
     * break reminder is a whole interval away. Any thread.
     */
    public void activeBreak(double fromS, double toS) {
        activeBreakRequest.set(new double[] {fromS, toS});
        controlPending = true;
    }

    /** Pauses the nagging alerts (slump, escalation, corrected, break, recalibrate). Any thread. */
    public void snooze(Snooze snooze) {
        snoozeRequest.set(snooze);
        controlPending = true;
    }

    public void cancelSnooze() {
        cancelSnoozeRequest.set(true);
        controlPending = true;
    }

    /** The posture stage's internal figures now, as one value (allocates; any thread: momentary values). */
    public PostureDiagnostics diagnostics() {
        return tracker.diagnostics();
    }
}
