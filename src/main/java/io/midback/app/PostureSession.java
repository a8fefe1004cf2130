package io.midback.app;

import io.midback.alert.AlertListener;
import io.midback.alert.PostureEngine;
import io.midback.alert.SessionSummary;
import io.midback.breathing.BreathRateEstimator;
import io.midback.breathing.BreathingTally;
import io.midback.orientation.OrientationFilter;
import io.midback.orientation.OrientationFilters;
import io.midback.orientation.TiltFilter;
import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureSettings;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a session's stages are built and joined: samples → orientation filter → posture engine →
 * alerts, and beside the posture engine the breathing rate from the accelerometer, with the summary always listening and further sinks (console, history, device, window) added before
 * {@link #start()}. Used by {@code replay}, {@code live} and the window alike.
 */
public final class PostureSession {

    /**
     * What a session is made of.
     *
     * @param filterName   orientation filter ({@link OrientationFilters#NAMES}, or {@link TiltFilter#NAME} for a
     *                     sensor without a gyroscope: its tilt rate then stands in for the gyroscope)
     * @param rateHz       nominal sample rate (the filter adapts to the actual periods)
     * @param settings     posture and alert settings
     * @param magnetometer whether samples carry a magnetometer (rotation is then absolute)
     * @param start        wall time of the first sample
     * @param zone         the wearer's time zone
     * @param calibration  a stored calibration to start from, or null to capture one
     */
    public record Config(String filterName, double rateHz, PostureSettings settings, boolean magnetometer,
                        Instant start, ZoneId zone, Calibration calibration) {
    }

    private final Config config;
    private final SessionSummary summary = new SessionSummary();
    private final AlertFanout alerts = new AlertFanout();
    private final List<PostureListener> postureListeners = new ArrayList<>();
    private final List<Pipeline.StreamListener> streamListeners = new ArrayList<>();
    private final OrientationFilter filter;
    /** The filter when it is the accelerometer-only one: its tilt rate stands in for the gyroscope. */
    private final TiltFilter tilt;
    private final PostureEngine engine;
    private final BreathRateEstimator breathing = new BreathRateEstimator();
    private final BreathingTally breathingTally = new BreathingTally();
    private Pipeline pipeline;

    public PostureSession(Config config) {
        this.config = config;
        this.filter = OrientationFilters.create(config.filterName(), config.rateHz());
        this.tilt = filter instanceof TiltFilter t ? t : null;
        this.engine = new PostureEngine(config.settings(), alerts, Clock.fixed(config.start(), config.zone()));
        engine.setSessionStart(config.start(), config.zone());
        engine.setRotationAbsolute(config.magnetometer());
        if (config.calibration() != null) {
            engine.useCalibration(config.calibration());
        }
        alerts.add(summary);
        postureListeners.add(summary);
        streamListeners.add(new Pipeline.StreamListener() {
            @Override
            public void gap(double fromS, double toS, String reason) {
                summary.gap(fromS, toS, reason);
            }

            @Override
            public void end(double lastS) {
                engine.end(lastS);
                summary.end(lastS);
                breathingTally.end();
            }
        });
    }

    /** Adds a sink for every posture frame (before {@link #start()}). */
    public PostureSession addPostureListener(PostureListener l) {
        requireNotStarted();
        postureListeners.add(l);
        return this;
    }

    /** Adds a sink for alerts, episodes and calibrations (may be added at any time). */
    public PostureSession addAlertListener(AlertListener l) {
        alerts.add(l);
        return this;
    }

    /** Adds a listener for gaps and the end of the stream (before {@link #start()}). */
    public PostureSession addStreamListener(Pipeline.StreamListener l) {
        requireNotStarted();
        streamListeners.add(l);
        return this;
    }

    /** Joins the stages; the returned sink takes the session's samples. */
    public SampleSink start() {
        requireNotStarted();
        Pipeline.PostureStep step = new Pipeline.PostureStep() {
            @Override
            public void update(double tS, OrientationFilter f, SampleBatch b, int i, PostureFrame out) {
                double gx = b.gxRadPerS[i], gy = b.gyRadPerS[i], gz = b.gzRadPerS[i];
                if (tilt != null) {
                    gx = tilt.tiltRateRadPerS(0);
                    gy = tilt.tiltRateRadPerS(1);
                    gz = tilt.tiltRateRadPerS(2);
                }
                engine.update(tS, f.qw(), f.qx(), f.qy(), f.qz(), gx, gy, gz, b.axMps2[i], b.ayMps2[i], b.azMps2[i],
                        out);
                breathing.update(tS, b.axMps2[i], b.ayMps2[i], b.azMps2[i]);
                breathingTally.add(tS, breathing.ratePerMin());
            }

            @Override
            public void gap(double fromS, double toS) {
                engine.gap(fromS, toS);
            }
        };
        pipeline = new Pipeline(filter, step,
                postureListeners, streamListeners);
        return pipeline;
    }

    private void requireNotStarted() {
        if (pipeline != null) {
            throw new IllegalStateException("the session has started");
        }
    }

    public SessionSummary summary() {
        return summary;
    }

    /** The breathing stage: its current rate and signal (read on the sample thread, or copy them there). */
    public BreathRateEstimator breathing() {
        return breathing;
    }

    /** The session's breathing rates so far, second by second and per minute. */
    public BreathingTally breathingTally() {
        return breathingTally;
    }

    public PostureEngine engine() {
        return engine;
    }

    public OrientationFilter filter() {
        return filter;
    }

    public Config config() {
        return config;
    }
}
