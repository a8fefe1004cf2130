package io.midback.ui;

import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureState;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Time spent in each posture state, counted on the pipeline thread (every sample, no allocation) and read by
 * the Today view. Steps longer than {@link #MAX_STEP_S} (gaps) are not counted.
 */
final class PostureTally implements PostureListener {
    static final double MAX_STEP_S = 1.0;
    private final AtomicLongArray micros = new AtomicLongArray(PostureState.values().length);
    private double lastT = Double.NaN;

    @Override
    public void onPosture(PostureFrame f) {
        double dt = f.tS - lastT;
        lastT = f.tS;
        if (dt > 0 && dt <= MAX_STEP_S) {
            int i = f.state.ordinal();
            micros.lazySet(i, micros.get(i) + (long) (dt * 1e6));
        }
    }

    /** Seconds in {@code state} so far (any thread). */
    double seconds(PostureState state) {
        return micros.get(state.ordinal()) / 1e6;
    }

    void reset() {
        for (int i = 0; i < micros.length(); i++) {
            micros.set(i, 0);
        }
        lastT = Double.NaN;
    }
}
