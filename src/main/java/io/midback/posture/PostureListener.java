package io.midback.posture;

/** Receives the posture stage's output for every sample (hot path: no allocation, logging or blocking). */
@FunctionalInterface
public interface PostureListener {
    void onPosture(PostureFrame frame);
}
