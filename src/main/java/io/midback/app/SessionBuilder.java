package io.midback.app;

import io.midback.alert.Alert;
import io.midback.align.LowerStream;
import io.midback.alert.AlertKind;
import io.midback.alert.AlertListener;
import io.midback.alert.PostureEngine;
import io.midback.alert.SessionSummary;
import io.midback.breathing.BreathRateEstimator;
import io.midback.breathing.BreathingReport;
import io.midback.breathing.BreathingTally;
import io.midback.history.ContentHash;
import io.midback.history.HistoryRecorder;
import io.midback.history.HistoryStore;
import io.midback.history.SessionInfo;
import io.midback.history.SessionRow;
import io.midback.live.LiveRecording;
import io.midback.orientation.OrientationFilter;
import io.midback.orientation.OrientationFilters;
import io.midback.orientation.TiltFilter;
import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.SpineAngles;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one place a session is built from its {@link SessionSpec}: samples → orientation filter → posture engine →
 * alerts, and beside the posture engine the breathing rate from the accelerometer ({@link BreathRateEstimator}), with the summary always listening and the sinks a caller asks for (console, history, device vibration,
 * recording notes, window) added before {@link #start()}. When the stream ends, every sink is closed, in the
 * order added ({@link #close()} does it earlier on a failure path). Used by {@code replay}, {@code live} and the
 * window alike.
 */
public final class SessionBuilder implements AutoCloseable {

    private final SessionSpec spec;
    private final SessionSummary summary = new SessionSummary();
    private final AlertFanout alerts = new AlertFanout();
    private final List<PostureListener> postureListeners = new ArrayList<>();
    private final List<Pipeline.StreamListener> streamListeners = new ArrayList<>();
    private final List<AutoCloseable> closers = new ArrayList<>();
    private final List<SampleSink> sampleSinks = new ArrayList<>();
    private final OrientationFilter filter;
    /** The filter when it is the accelerometer-only one: its tilt rate stands in for the gyroscope. */
    private final TiltFilter tilt;
    private final PostureEngine engine;
    private final BreathRateEstimator breathing = new BreathRateEstimator();
    private final BreathingTally breathingTally = new BreathingTally();
    private final BreathingExercise exercise = new BreathingExercise(breathing);
    private final SessionRoutine routine;
    /** The history's recorder when the session is saved there, else null. */
    private HistoryRecorder recorder;
    /** The breathing of each wall-clock minute while sedentary, for the history (null when not saved there). */
    private BreathingTally historyBreathing;
    private final double startEpochS;
    /** With a lower sensor: its stream on the upper timeline, the spine between the two, and their summary. */
    private final LowerStream lower;
    private final SpineAngles spine;
    private final SpineSummary spineSummary;
    private final List<Consumer<String>> noticeListeners = new ArrayList<>();
    private Pipeline pipeline;
    private boolean closed;

    public SessionBuilder(SessionSpec spec) {
        this.spec = spec;
        this.startEpochS = spec.start().toEpochMilli() / 1000.0;
        this.filter = spec.lower() != null ? OrientationFilters.forTwoSensors(spec.filterName(), spec.rateHz())
                : OrientationFilters.create(spec.filterName(), spec.rateHz());
        this.tilt = filter instanceof TiltFilter t ? t : null;
        this.engine = new PostureEngine(spec.posture(), alerts, Clock.fixed(spec.start(), spec.zone()));
        engine.setSessionStart(spec.start(), spec.zone());
        engine.setRotationAbsolute(spec.magnetometer());
        if (spec.calibration() != null) {
            engine.useCalibration(spec.calibration());
        }
        if (spec.lower() != null) {
            SessionSpec.Lower l = spec.lower();
            spineSummary = new SpineSummary(l.clock());
            lower = new LowerStream(l.samples(), l.clock(),
                    OrientationFilters.forTwoSensors(l.filterName(), l.rateHz()), this::notice);
            spine = new SpineAngles(spec.posture().neutralWindowS());
            if (spec.calibration() != null) {
                spine.calibrated(spec.calibration());
            }
            alerts.add(new AlertListener() {
                @Override
                public void onAlert(Alert a) {
                }

                @Override
                public void onCalibration(Calibration c) {
                    spine.calibrated(c);
                }
            });
            postureListeners.add(spineSummary);
        } else {
            lower = null;
            spine = null;
            spineSummary = null;
        }
        routine = new SessionRoutine(spec.rateHz(), this::activeBreak);
        sampleSinks.add(routine);
        alerts.add(summary);
        postureListeners.add(summary);
        postureListeners.add(exercise);
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
                exercise.end(lastS);
                if (historyBreathing != null) {
                    historyBreathing.end();
                }
            }
        });
    }

    /** Adds a sink for every posture frame (before {@link #start()}). */
    public SessionBuilder addPostureListener(PostureListener l) {
        return addBeforeStart(postureListeners, l);
    }

    /** Adds a sink for alerts, episodes and calibrations (may be added at any time). */
    public SessionBuilder addAlertListener(AlertListener l) {
        alerts.add(l);
        return this;
    }

    /**
     * Told what the session says once as it runs (a lower sensor's stream dropping or coming back), on the
     * session thread (before {@link #start()}).
     */
    public SessionBuilder addNoticeListener(Consumer<String> l) {
        return addBeforeStart(noticeListeners, l);
    }

    private void notice(String text) {
        spineSummary.notice(text);
        for (Consumer<String> l : noticeListeners) {
            l.accept(text);
        }
    }

    /** With a lower sensor, its summary (spine angles, pelvic tilt, clock, notices); null with one sensor. */
    public SpineSummary spineSummary() {
        return spineSummary;
    }

    /** Adds a listener for gaps and the end of the stream (before {@link #start()}). */
    public SessionBuilder addStreamListener(Pipeline.StreamListener l) {
        return addBeforeStart(streamListeners, l);
    }

    private <T> SessionBuilder addBeforeStart(List<T> list, T listener) {
        requireNotStarted();
        list.add(listener);
        return this;
    }

    /**
     * Adds a stage beside posture that reads the raw samples (the mobility check), before {@link #start()}: it sees
     * every batch, gap and the end before the posture pipeline does.
     */
    public SessionBuilder addSampleSink(SampleSink s) {
        return addBeforeStart(sampleSinks, s);
    }

    /** Closed when the stream ends (or on {@link #close()}), after the sinks added before it. */
    public SessionBuilder closing(AutoCloseable c) {
        closers.add(c);
        return this;
    }

    /**
     * Saves the session in the history: frames, alerts, episodes, calibrations and gaps, as the spec describes
     * the session (start, zone, device, source, stored calibration, threshold), with the breathing rate of each
     * minute while sedentary and the paced-breathing exercises. The recorder is closed at the end.
     */
    public HistoryRecorder saveHistory(HistoryStore store) {
        requireNotStarted();
        Calibration c = spec.calibration();
        HistoryRecorder h = store.beginSession(new SessionInfo(spec.start(), spec.zone(), spec.device(), spec.name(),
                c == null ? null : c.toMetadata(), spec.posture().slumpThresholdDeg()),
                HistoryRecorder.EpisodeSource.ALERT_STAGE, spec.posture().breakEndsAfterS(),
                HistoryRecorder.DEFAULT_MAX_SAMPLE_INTERVAL_S);
        addPostureListener(h).addAlertListener(h).addStreamListener(new Pipeline.StreamListener() {
            @Override
            public void gap(double fromS, double toS, String reason) {
                h.onGap(fromS, toS, reason);
            }
        });
        closing(h);
        exercise.logTo(h);
        routine.logTo(h);
        recorder = h;
        historyBreathing = new BreathingTally(h::onBreathingMinute);
        return h;
    }

    /**
     * What {@link #saveHistoryOnce} did: the recorder saving the session now, or (recorder null) the session the
     * same recording was saved as before.
     */
    public record Saving(HistoryRecorder recorder, SessionRow savedBefore) {
    }

    /**
     * Saves the session of a replayed recording in the history ({@link #saveHistory}) unless the same recording is
     * there already: recordings are recognised by their content ({@link ContentHash}), so replaying a file twice
     * saves it once; {@code again} saves it anyway. Used by {@code replay --save-history} and the window.
     */
    public Saving saveHistoryOnce(HistoryStore store, java.nio.file.Path recording, boolean again)
            throws java.io.IOException {
        String content = ContentHash.of(recording);
        java.util.Optional<SessionRow> before = store.sessionWithContent(content);
        if (before.isPresent() && !again) {
            return new Saving(null, before.get());
        }
        HistoryRecorder h = saveHistory(store);
        store.setContentHash(h.sessionId(), content);
        return new Saving(h, null);
    }

    /**
     * Opens the session's recording ({@link SessionSpec#recording}) as {@code live --record} makes it
     * ({@link LiveRecording}: the upper sensor's samples and, with a lower sensor, its samples beside them, each
     * naming the other), for the links to feed; every calibration is noted in it where it happened, and it is closed
     * when the stream ends, after the sinks added before it (before {@link #start()}).
     *
     * @param link        the upper sensor's port or address
     * @param device      the upper sensor's name as it reports it, or null for the link's (asked when it begins)
     * @param lowerDevice the lower sensor's name as it reports it, or null for its link's
     * @throws java.io.IOException one line naming the file that cannot be written and why
     */
    public LiveRecording record(String link, java.util.function.Supplier<String> device,
                                java.util.function.Supplier<String> lowerDevice) throws java.io.IOException {
        requireNotStarted();
        SessionSpec.Recording r = spec.recording();
        if (r == null) {
            throw new IllegalStateException("the session is not recorded: " + spec.name());
        }
        LiveRecording recording = LiveRecording.open(r.samples(), null, link, device,
                spec.lower() == null ? null : spec.lower().name(), lowerDevice, spec.zone());
        noteCalibrations(recording.upper()::note);
        closing(recording);
        return recording;
    }

    /** Whether an alert asks the wearer's device to vibrate: a slump alert, first or escalated. */
    public static boolean vibratesFor(Alert a) {
        return a.kind() == AlertKind.SLUMP || a.kind() == AlertKind.SLUMP_ESCALATION;
    }

    /**
     * The device vibrates for every slump alert ({@link #vibratesFor}) while {@code enabled} says so; the
     * vibration goes out on the session thread, before the next chunk is read.
     *
     * @param vibrate asks the device to vibrate; false when it cannot
     */
    public SessionBuilder vibrateOnSlump(BooleanSupplier enabled, BooleanSupplier vibrate) {
        return addAlertListener(new AlertListener() {
            @Override
            public void onAlert(Alert a) {
                if (vibratesFor(a) && enabled.getAsBoolean()) {
                    vibrate.getAsBoolean();
                }
            }
        });
    }

    /** Every calibration is noted where it happened (a recording's {@code # calibration: {...}} line). */
    public SessionBuilder noteCalibrations(BiConsumer<String, String> note) {
        return addAlertListener(new AlertListener() {
            @Override
            public void onAlert(Alert a) {
            }

            @Override
            public void onCalibration(Calibration c) {
                note.accept(Calibration.METADATA_KEY, c.toMetadata());
            }
        });
    }

    /** Joins the stages; the returned sink takes the session's samples and closes every sink at its end. */
    public SampleSink start() {
        requireNotStarted();
        Pipeline.PostureStep step = new Pipeline.PostureStep() {
            @Override
            public void update(double tS, OrientationFilter f, SampleBatch b, int i, PostureFrame out) {
                if (spine != null) {
                    boolean present = lower.advanceTo(b.tS[i]);
                    spine.update(tS, f.qw(), f.qx(), f.qy(), f.qz(), present, lower.qw(), lower.qx(), lower.qy(),
                            lower.qz(), out);
                }
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
                if (historyBreathing != null) {
                    historyBreathing.add(startEpochS + tS, out.state.isSedentary() ? breathing.ratePerMin()
                            : Double.NaN);
                }
            }

            @Override
            public void gap(double fromS, double toS) {
                engine.gap(fromS, toS);
            }
        };
        streamListeners.add(new Pipeline.StreamListener() {
            @Override
            public void end(double lastS) {
                close();
            }
        });
        pipeline = new Pipeline(filter, step, postureListeners, streamListeners);
        if (sampleSinks.isEmpty()) {
            return pipeline;
        }
        List<SampleSink> all = new ArrayList<>(sampleSinks);
        all.add(pipeline);
        return new SampleFanout(all);
    }

    /**
     * Closes every sink once, in the order added; the first failure is rethrown after all were tried (as it is,
     * when unchecked).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        for (AutoCloseable c : closers) {
            try {
                c.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            } catch (Exception e) {
                first = first == null ? new IllegalStateException(e.getMessage(), e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void requireNotStarted() {
        if (pipeline != null) {
            throw new IllegalStateException("the session has started");
        }
    }

    public SessionSummary summary() {
        return summary;
    }

    /** The breathing stage: its current rate and signal (read on the session thread, or copy them there). */
    public BreathRateEstimator breathing() {
        return breathing;
    }

    /** The session's breathing so far: the median rate, the seconds with a rate, the rate of each minute. */
    public BreathingReport breathingReport() {
        return breathingTally.report();
    }

    /** Samples taken in so far (read on any thread: a momentary value). */
    public long samples() {
        Pipeline p = pipeline;
        return p == null ? 0 : p.samples();
    }

    /** The session's paced-breathing exercise: started and stopped from any thread, written in its history. */
    public BreathingExercise exercise() {
        return exercise;
    }

    /** The session's guided routine: started and stopped from any thread, written in its history. */
    public SessionRoutine routine() {
        return routine;
    }

    /**
     * A movement routine from session time {@code fromS} to {@code toS} was done to its end: a break for the
     * reminders and the history alike ({@link io.midback.posture.SedentaryBouts#activeBreak}). On the session thread.
     */
    void activeBreak(double fromS, double toS) {
        engine.activeBreak(fromS, toS);
        HistoryRecorder h = recorder;
        if (h != null) {
            h.onActiveBreak(fromS, toS);
        }
    }

    public PostureEngine engine() {
        return engine;
    }

    public OrientationFilter filter() {
        return filter;
    }

    public SessionSpec spec() {
        return spec;
    }
}
