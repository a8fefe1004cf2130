package io.midback.sim;

/** Receives the ground truth of every simulated sample, just before the sample enters its batch. */
@FunctionalInterface
public interface TruthListener {
    void onTruth(TruthFrame truth);
}
