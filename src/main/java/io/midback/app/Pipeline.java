package io.midback.app;

import io.midback.orientation.OrientationFilter;
import io.midback.orientation.OrientationStage;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sensor.TimeOrigin;

import java.util.List;
import java.util.function.Consumer;

/**
 * The per-sample spine: samples → orientation filter → posture step → posture listeners. Alerts leave the
 * posture step through its own listener. Allocates nothing per sample: the filter and the posture step keep
 * their state in fields, and one {@link PostureFrame} is reused for every sample.
 *
 * <p>The filter runs a batch at a time ({@link OrientationStage}), before the posture step reads the batch's
 * orientation: in {@link #accept}, or, when a source asks for it ({@link #ahead()}), on the source's own thread
 * as it hands the batches over, so that filtering and posture run side by side on two cores.
 *
 * <p>Times handed on are session times ({@link TimeOrigin}: seconds from the session's first sample).
 */
public final class Pipeline implements SampleSink {

    /** The posture stage as the pipeline drives it: fills {@code out} from the filter's estimate and the sample. */
    public interface PostureStep {
        /** Sample {@code i} of {@code batch}, whose orientation ({@link SampleBatch#orientation()}) is filled. */
        void update(double tS, SampleBatch batch, int i, PostureFrame out);

        /** Samples are missing between two session times (a reconnect, a gap in a file). */
        default void gap(double fromS, double toS) {
        }
    }

    /** Told about gaps and the end of the stream, besides every posture frame. */
    public interface StreamListener {
        default void gap(double fromS, double toS, String reason) {
        }

        default void end(double lastS) {
        }
    }

    private final OrientationStage orientation;
    private final PostureStep posture;
    private final PostureListener[] listeners;
    private final StreamListener[] streamListeners;
    private final PostureFrame frame = new PostureFrame();
    private final TimeOrigin origin = new TimeOrigin();
    private double prevT = Double.NaN;
    private long samples;
    /** A source runs the orientation stage on its own thread: every batch arrives oriented. */
    private boolean orientedAhead;

    public Pipeline(OrientationFilter filter, PostureStep posture, List<PostureListener> listeners,
                    List<StreamListener> streamListeners) {
        this.orientation = new OrientationStage(filter);
        this.posture = posture;
        this.listeners = listeners.toArray(PostureListener[]::new);
        this.streamListeners = streamListeners.toArray(StreamListener[]::new);
    }

    /** The orientation stage, for a source to run on its own thread before handing each batch over. */
    @Override
    public Consumer<SampleBatch> ahead() {
        orientedAhead = true;
        return orientation::orient;
    }

    @Override
    public void accept(SampleBatch b) {
        if (!orientedAhead) {
            orientation.orient(b);
        }
        final int n = b.size();
        for (int i = 0; i < n; i++) {
            double t = b.tS[i];
            prevT = t;
            samples++;
            double sessionT = origin.sessionTime(t);
            posture.update(sessionT, b, i, frame);
            frame.tS = sessionT;
            for (PostureListener l : listeners) {
                l.onPosture(frame);
            }
        }
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        if (!origin.started()) {
            return;
        }
        double from = origin.sessionTime(fromS);
        double to = origin.sessionTime(toS);
        posture.gap(from, to);
        for (StreamListener l : streamListeners) {
            l.gap(from, to, reason);
        }
    }

    @Override
    public void end() {
        double last = durationS();
        for (StreamListener l : streamListeners) {
            l.end(last);
        }
    }

    public long samples() {
        return samples;
    }

    /** Seconds from the first to the last sample. */
    public double durationS() {
        return samples == 0 ? 0 : origin.sessionTime(prevT);
    }
}
