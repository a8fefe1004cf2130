package io.midback.app;

import io.midback.orientation.OrientationFilter;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.sensor.TimeOrigin;

import java.util.List;

/**
 * The per-sample spine: samples → orientation filter → posture step → posture listeners. Alerts leave the
 * posture step through its own listener. Allocates nothing per sample: the filter and the posture step keep
 * their state in fields, and one {@link PostureFrame} is reused for every sample.
 *
 * <p>Times handed on are session times ({@link TimeOrigin}: seconds from the session's first sample).
 */
public final class Pipeline implements SampleSink {

    /** The posture stage as the pipeline drives it: fills {@code out} from the filter's estimate and the sample. */
    public interface PostureStep {
        void update(double tS, OrientationFilter filter, SampleBatch batch, int i, PostureFrame out);

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

    private final OrientationFilter filter;
    private final PostureStep posture;
    private final PostureListener[] listeners;
    private final StreamListener[] streamListeners;
    private final PostureFrame frame = new PostureFrame();
    private final TimeOrigin origin = new TimeOrigin();
    private double prevT = Double.NaN;
    private long samples;

    public Pipeline(OrientationFilter filter, PostureStep posture, List<PostureListener> listeners,
                    List<StreamListener> streamListeners) {
        this.filter = filter;
        this.posture = posture;
        this.listeners = listeners.toArray(PostureListener[]::new);
        this.streamListeners = streamListeners.toArray(StreamListener[]::new);
    }

    @Override
    public void accept(SampleBatch b) {
        final int n = b.size();
        for (int i = 0; i < n; i++) {
            double t = b.tS[i];
            double dtS = samples == 0 ? 0 : t - prevT;
            prevT = t;
            samples++;
            filter.update(dtS, b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                    b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
            double sessionT = origin.sessionTime(t);
            posture.update(sessionT, filter, b, i, frame);
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
