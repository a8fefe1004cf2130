package io.midback.history;

import io.midback.alert.Alert;
import io.midback.alert.AlertListener;
import io.midback.alert.SlumpEpisode;
import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureState;
import io.midback.posture.SedentaryBouts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Records one session into the history: aggregates the posture stream per minute in memory and hands each
 * completed minute (with the events that changed in it) to a writer thread, which commits it in one transaction.
 * The per-sample path only adds to fields and a reused histogram: it never allocates, blocks or touches the
 * database. Once per minute it allocates the minute's batch and puts it on an unbounded queue.
 *
 * <p>Time: a frame's {@code tS} is seconds from the session start; wall time = {@link SessionInfo#start()} +
 * tS, and the minute's local date is taken in the session's zone, so a session across midnight splits there
 * (a bout open at midnight is closed at midnight and a new one opens).
 *
 * <p>Accounting: the interval between two consecutive samples counts for the earlier sample's state; an interval
 * longer than {@link #DEFAULT_MAX_SAMPLE_INTERVAL_S}, or one announced by {@link #onGap}, counts as a data gap
 * instead. Intervals are split exactly at minute boundaries. Flexion statistics use calibrated samples that are
 * neither not-worn nor unknown.
 *
 * <p>Events: slump episodes are the alert stage's ({@link #onSlumpEpisode}, written when each ends), or, for a
 * stream without an alert stage ({@link EpisodeSource#POSTURE_STATE}), runs of the slouched state (start, end,
 * peak flexion), written at their start and updated at their end. Bouts ({@link EventKind#SITTING_BOUT}: sitting
 * or standing still) and breaks are the ones {@link SedentaryBouts} reports, with the session's break length
 * ({@link io.midback.posture.PostureSettings#breakEndsAfterS()}): a bout ends where the break's movement began, and
 * the break ends when the wearer is sedentary again. A gap of at least the break length ends any open episode,
 * bout or break. Open events are written at their start and updated at their end, each with the minute in which
 * it happens.
 *
 * <p>Call {@link #onPosture}, {@link #onAlert}, {@link #onGap} and {@link #close} from one thread (the
 * pipeline's).
 */
public final class HistoryRecorder implements PostureListener, AlertListener, AutoCloseable {
    /** Where slump episodes come from. */
    public enum EpisodeSource {
        /** The alert stage's {@link SlumpEpisode}s (the same ones the session summary lists). */
        ALERT_STAGE,
        /** Runs of {@link PostureState#SLOUCHED} in the posture frames (for streams with no alert stage). */
        POSTURE_STATE
    }

    /** A longer step between samples is a gap ({@link io.midback.sensor.Gap}). */
    public static final double DEFAULT_MAX_SAMPLE_INTERVAL_S = io.midback.sensor.Gap.MAX_STEP_S;

    private static final MinuteBatch STOP = new MinuteBatch(Long.MIN_VALUE, LocalDate.MIN, 0);

    private final HistoryStore store;
    private final long sessionId;
    private final ZoneId zone;
    private final long startEpochMs;
    private final SedentaryBouts bouts;
    private final double maxSampleIntervalS;
    private final boolean episodesFromState;
    private final LinkedBlockingQueue<MinuteBatch> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile Throwable failure;
    private volatile Consumer<MinuteRow> commitListener;
    private final FlexionHistogram histogram = new FlexionHistogram();
    /** The spine's flexion between two sensors, per minute (empty with one sensor). */
    private final FlexionHistogram spineHistogram = new FlexionHistogram();

    private MinuteBatch minute;
    private double minuteEndS;
    private boolean hasSample;
    private double prevS;
    private PostureState prevState = PostureState.UNKNOWN;
    private boolean gapPending;
    private int nextSeq;
    private boolean closed;

    private boolean episodeOpen;
    private int episodeSeq;
    private double episodePeakDeg;

    private boolean boutOpen;
    private int boutSeq;
    private double boutOpenedS;
    private boolean breakOpen;
    private int breakSeq;

    HistoryRecorder(HistoryStore store, long sessionId, SessionInfo info, EpisodeSource episodes,
                    double breakS, double maxSampleIntervalS) {
        this.store = store;
        this.sessionId = sessionId;
        this.zone = info.zone();
        this.startEpochMs = info.start().toEpochMilli();
        this.bouts = new SedentaryBouts(breakS);
        this.maxSampleIntervalS = maxSampleIntervalS;
        this.episodesFromState = episodes == EpisodeSource.POSTURE_STATE;
        this.writer = new Thread(this::writeLoop, "midback-history-writer-" + sessionId);
        writer.setDaemon(true);
        writer.start();
    }

    public long sessionId() {
        return sessionId;
    }

    /** Called on the writer thread after each minute is committed (tests and progress displays). */
    public void setCommitListener(Consumer<MinuteRow> listener) {
        this.commitListener = listener;
    }

    /** The first write failure, or null; {@link #close()} throws it too. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void onPosture(PostureFrame f) {
        if (closed) {
            return;
        }
        double t = f.tS;
        if (!hasSample) {
            if (minute == null) {
                startMinute(Math.floorDiv(toEpochMs(t), 60_000L));
            }
            rollTo(t);
            hasSample = true;
            sample(t, 0, f);
        } else {
            if (!(t >= prevS)) {
                return; // out of order or NaN: ignore the sample
            }
            double dt = t - prevS;
            if (gapPending || dt > maxSampleIntervalS) {
                if (!gapPending) {
                    addOp(true, nextSeq++, EventKind.GAP, prevS, t, String.format(java.util.Locale.ROOT,
                            "no samples for %.1f s", dt), Double.NaN, null);
                }
                gapPending = false;
                double boutEndS = boutEndS(prevS);
                if (bouts.gap(prevS, t)) {
                    endRunsAtGap(boutEndS);
                }
                accumulate(prevS, t, -1);
                rollTo(t);
                sample(t, 0, f);
            } else {
                accumulate(prevS, t, prevState.ordinal());
                rollTo(t);
                sample(t, dt, f);
            }
        }
        prevS = t;
        prevState = f.state;
    }

    @Override
    public void onAlert(Alert alert) {
        if (closed) {
            return;
        }
        if (minute == null) {
            startMinute(Math.floorDiv(toEpochMs(alert.atS()), 60_000L));
        }
        addOp(true, nextSeq++, EventKind.ALERT, alert.atS(), alert.atS(), alert.kind().label(), Double.NaN,
                alert.message());
    }

    /** A slump episode ended (from the alert stage); ignored with {@link EpisodeSource#POSTURE_STATE}. */
    @Override
    public void onSlumpEpisode(SlumpEpisode episode) {
        if (closed || episodesFromState) {
            return;
        }
        if (minute == null) {
            startMinute(Math.floorDiv(toEpochMs(episode.startS()), 60_000L));
        }
        addOp(true, nextSeq++, EventKind.SLUMP_EPISODE, episode.startS(), episode.endS(),
                episode.alerted() ? "alerted" : null, episode.peakFlexionDeg(), null);
    }

    /** A new calibration is in use: kept as the session's calibration (the latest one wins). */
    @Override
    public void onCalibration(Calibration calibration) {
        if (closed) {
            return;
        }
        if (minute == null) {
            startMinute(Math.floorDiv(toEpochMs(calibration.atS()), 60_000L));
        }
        minute.calibration = calibration.toMetadata();
    }

    /** No samples from {@code fromS} to {@code toS} (a lost link, a dropped frame run): recorded as a gap. */
    public void onGap(double fromS, double toS, String reason) {
        if (closed) {
            return;
        }
        if (minute == null) {
            startMinute(Math.floorDiv(toEpochMs(fromS), 60_000L));
        }
        addOp(true, nextSeq++, EventKind.GAP, fromS, Math.max(fromS, toS), reason, Double.NaN, null);
        if (hasSample) {
            gapPending = true;
        }
    }

    /**
     * The breathing rate of the minute starting at {@code epochMinute} (minutes since 1970 UTC), now that it is
     * over: the median rate over its {@code validS} sedentary seconds with a rate (the breathing stage's rule).
     */
    public void onBreathingMinute(long epochMinute, double ratePerMin, double validS) {
        if (closed || !(ratePerMin > 0) || !(validS > 0)) {
            return;
        }
        if (minute == null) {
            startMinute(epochMinute);
        }
        minute.add(new MinuteBatch.Breathing(epochMinute, ratePerMin, validS));
    }

    /** A paced-breathing exercise ran from {@code startS} to {@code endS}; {@code detail}: how it went. */
    public void onBreathingExercise(double startS, double endS, String detail) {
        onExercise(EventKind.BREATHING_EXERCISE, startS, endS, detail);
    }

    /** A guided routine ran from {@code startS} to {@code endS}; {@code detail}: its exercises, reps, ranges, minutes. */
    public void onRoutine(double startS, double endS, String detail) {
        onExercise(EventKind.ROUTINE, startS, endS, detail);
    }

    /**
     * A movement routine from {@code fromS} to {@code toS} was done to its end: a break by the one rule
     * ({@link SedentaryBouts#activeBreak}); the bout going on ends where the routine began.
     */
    public void onActiveBreak(double fromS, double toS) {
        if (!closed) {
            bouts.activeBreak(fromS, toS);
        }
    }

    private void onExercise(EventKind kind, double startS, double endS, String detail) {
        if (closed) {
            return;
        }
        if (minute == null) {
            startMinute(Math.floorDiv(toEpochMs(startS), 60_000L));
        }
        addOp(true, nextSeq++, kind, startS, Math.max(startS, endS), detail, Double.NaN, null);
    }

    /**
     * Ends the session: closes open events at the last sample, writes the last minute and the session's end,
     * and waits for the writer.
     *
     * @throws HistoryException when minutes could not be written
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        MinuteBatch last;
        double endS = hasSample ? prevS : 0;
        if (minute != null) {
            if (episodeOpen) {
                closeEpisode(endS);
            }
            if (boutOpen) {
                closeBout(boutEndS(endS));
            }
            if (breakOpen) {
                closeBreak(endS);
            }
            finishMinute();
            last = minute;
            minute = null;
        } else {
            last = new MinuteBatch(Long.MIN_VALUE, LocalDate.MIN, 0);
        }
        last.sessionEndMs = toEpochMs(endS);
        queue.add(last);
        queue.add(STOP);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure;
        if (f != null) {
            throw f instanceof HistoryException he ? he
                    : new HistoryException("could not write the history to " + store.path() + ": " + f.getMessage(), f);
        }
        if (!hasSample) {
            // a sensor that connected and sent nothing: no session to keep (it listed as "0 min" and counted nowhere)
            store.deleteSession(sessionId);
        }
    }

    // ---- per sample -------------------------------------------------------------------------------------------

    /** {@code dtS}: the time since the previous sample, 0 for the first one and across a gap. */
    private void sample(double t, double dtS, PostureFrame f) {
        PostureState state = f.state;
        double flex = f.flexionDeg;
        if (f.calibrated && state != PostureState.NOT_WORN && state != PostureState.UNKNOWN && !Double.isNaN(flex)) {
            MinuteBatch m = minute;
            m.flexionSamples++;
            m.flexionSumDeg += flex;
            if (flex < m.flexionMinDeg) {
                m.flexionMinDeg = flex;
            }
            if (flex > m.flexionMaxDeg) {
                m.flexionMaxDeg = flex;
            }
            histogram.add(flex);
            if (f.spineValid) {
                m.spineSamples++;
                m.pelvicTiltSumDeg += f.pelvicTiltDeg;
                spineHistogram.add(f.spineFlexionDeg);
            }
        }
        if (!episodesFromState) {
            // episodes come from the alert stage
        } else if (state == PostureState.SLOUCHED) {
            if (!episodeOpen) {
                episodeOpen = true;
                episodeSeq = nextSeq++;
                episodePeakDeg = flex;
                addOp(true, episodeSeq, EventKind.SLUMP_EPISODE, t, Double.NaN, null, flex, null);
            } else if (flex > episodePeakDeg || Double.isNaN(episodePeakDeg)) {
                episodePeakDeg = flex;
            }
        } else if (episodeOpen) {
            closeEpisode(t);
        }
        int events = bouts.update(t, dtS, state);
        if ((events & SedentaryBouts.BREAK_ENDED) != 0 && breakOpen) {
            closeBreak(t);
        }
        if ((events & SedentaryBouts.BREAK_STARTED) != 0) {
            breakStarted();
        }
        if (!boutOpen && bouts.boutActive() && state.isSedentary()) {
            openBout(t); // a new bout, or the same one going on after midnight
        }
    }

    /** Adds [a, b) to the state (or to the gap when stateIndex &lt; 0), splitting it at minute ends. */
    private void accumulate(double a, double b, int stateIndex) {
        while (b > minuteEndS) {
            add(minuteEndS - a, stateIndex);
            a = minuteEndS;
            rollMinute();
        }
        add(b - a, stateIndex);
    }

    private void add(double seconds, int stateIndex) {
        if (seconds <= 0) {
            return;
        }
        if (stateIndex < 0) {
            minute.gapS += seconds;
        } else {
            minute.stateSeconds[stateIndex] += seconds;
        }
    }

    private void rollTo(double t) {
        while (t >= minuteEndS) {
            rollMinute();
        }
    }

    // ---- per minute and per event (rare: allocation is fine) ---------------------------------------------------

    /** The bout ended where the break's movement began ({@link SedentaryBouts#breakStartS()}): a break opens there. */
    private void breakStarted() {
        double fromS = bouts.breakStartS();
        if (boutOpen && fromS <= boutOpenedS && boutOpenedS == bouts.boutStartS()) {
            // the whole bout lay inside a routine done to its end (which began before it): it was no bout
            boutOpen = false;
            addOp(false, boutSeq, EventKind.SITTING_BOUT, Double.NaN, Double.NaN, null, Double.NaN, null, true);
        } else if (boutOpen) {
            closeBout(Math.max(fromS, boutOpenedS)); // later only for a bout reopened after midnight
        }
        breakOpen = true;
        breakSeq = nextSeq++;
        addOp(true, breakSeq, EventKind.BREAK, fromS, Double.NaN, null, Double.NaN, null);
    }

    private void startMinute(long epochMinute) {
        ZonedDateTime z = Instant.ofEpochSecond(epochMinute * 60).atZone(zone);
        minute = new MinuteBatch(epochMinute, z.toLocalDate(), z.getHour() * 60 + z.getMinute());
        minuteEndS = ((epochMinute + 1) * 60_000L - startEpochMs) / 1000.0;
    }

    private void rollMinute() {
        finishMinute();
        MinuteBatch done = minute;
        if (done.hasSeconds() || done.ops != null || done.calibration != null || done.breathing != null) {
            queue.add(done);
        }
        double boundaryS = minuteEndS;
        startMinute(done.epochMinute + 1);
        if (!minute.localDate.equals(done.localDate)) {
            onMidnight(boundaryS);
        }
    }

    private void finishMinute() {
        if (histogram.count() > 0) {
            minute.flexionP50Deg = histogram.percentile(0.5);
            minute.flexionP90Deg = histogram.percentile(0.9);
            histogram.clear();
        }
        if (spineHistogram.count() > 0) {
            minute.spineFlexionP50Deg = spineHistogram.percentile(0.5);
            minute.spineFlexionP90Deg = spineHistogram.percentile(0.9);
            spineHistogram.clear();
        }
    }

    private void onMidnight(double atS) {
        if (!boutOpen) {
            return;
        }
        double endS = boutEndS(atS);
        closeBout(endS);
        if (endS == atS) {
            openBout(atS);
        } // else moving at midnight: the bout's part on this day ends where the movement began; it goes on
          // (in a new event) when the wearer is sedentary again
    }

    /** Where the open bout ends if it ends now, at {@code nowS}: where the current movement began, if any. */
    private double boutEndS(double nowS) {
        double movedFromS = bouts.breakStartS();
        return hasSample && !prevState.isSedentary() && !Double.isNaN(movedFromS) ? movedFromS : nowS;
    }

    private void endRunsAtGap(double boutEndS) {
        if (episodeOpen) {
            closeEpisode(prevS);
        }
        if (boutOpen) {
            closeBout(boutEndS);
        }
        if (breakOpen) {
            closeBreak(prevS);
        }
    }

    private void openBout(double t) {
        boutOpen = true;
        boutOpenedS = t;
        boutSeq = nextSeq++;
        addOp(true, boutSeq, EventKind.SITTING_BOUT, t, Double.NaN, null, Double.NaN, null);
    }

    private void closeBout(double t) {
        boutOpen = false;
        addOp(false, boutSeq, EventKind.SITTING_BOUT, Double.NaN, t, null, Double.NaN, null);
    }

    private void closeEpisode(double t) {
        episodeOpen = false;
        addOp(false, episodeSeq, EventKind.SLUMP_EPISODE, Double.NaN, t, null, episodePeakDeg, null);
    }

    private void closeBreak(double t) {
        breakOpen = false;
        addOp(false, breakSeq, EventKind.BREAK, Double.NaN, t, null, Double.NaN, null);
    }

    private void addOp(boolean insert, int seq, EventKind kind, double startS, double endS, String detail,
                       double peakDeg, String message) {
        addOp(insert, seq, kind, startS, endS, detail, peakDeg, message, false);
    }

    /** {@code withdrawn}: the open event {@code seq} is taken back (an update that deletes it). */
    private void addOp(boolean insert, int seq, EventKind kind, double startS, double endS, String detail,
                       double peakDeg, String message, boolean withdrawn) {
        long startMs = insert ? toEpochMs(startS) : MinuteBatch.EventOp.OPEN;
        LocalDate date = insert ? Instant.ofEpochMilli(startMs).atZone(zone).toLocalDate() : null;
        long endMs = withdrawn ? MinuteBatch.EventOp.WITHDRAWN
                : Double.isNaN(endS) ? MinuteBatch.EventOp.OPEN : toEpochMs(endS);
        minute.add(new MinuteBatch.EventOp(insert, seq, kind, date, startMs, endMs, detail, peakDeg, message));
    }

    private long toEpochMs(double tS) {
        return startEpochMs + Math.round(tS * 1000);
    }

    // ---- writer thread ----------------------------------------------------------------------------------------

    private void writeLoop() {
        List<MinuteBatch> pending = new ArrayList<>();
        boolean stop = false;
        while (!stop || !pending.isEmpty()) {
            try {
                if (!stop) {
                    if (pending.isEmpty()) {
                        pending.add(queue.take());
                    }
                    queue.drainTo(pending);
                    if (pending.get(pending.size() - 1) == STOP) {
                        pending.remove(pending.size() - 1);
                        stop = true;
                    }
                }
                if (pending.isEmpty()) {
                    continue;
                }
                store.write(sessionId, pending);
                failure = null;
                Consumer<MinuteRow> l = commitListener;
                if (l != null) {
                    for (MinuteBatch b : pending) {
                        if (b.hasSeconds()) {
                            l.accept(b.toRow());
                        }
                    }
                }
                pending.clear();
            } catch (InterruptedException e) {
                stop = true;
            } catch (Exception e) {
                failure = e;
                if (stop) {
                    return; // closing: give up, close() reports it
                }
                try {
                    Thread.sleep(1000); // keep the minutes and retry (e.g. the database was locked)
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
