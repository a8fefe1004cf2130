package io.midback.posture;

/**
 * Sitting versus standing while sedentary: only a label, never a gate for alerts. A single thoracic sensor
 * cannot see the hips, so the label rests on evidence: a recognised sit-down or stand-up sets the probability of
 * sitting to {@code transitionEvidence} (or its complement), walking sets it to 1 − {@code walkingStandingEvidence};
 * with no new evidence it relaxes to {@code sittingPrior} with time constant {@code labelRelaxTauS} (a missed
 * sit-down does not keep the wearer "standing" for the rest of the day). Plain values in; allocation-free.
 */
final class SittingLabel {
    private final PostureTuning tuning;
    /** 1 / {@code labelRelaxTauS}: multiplied, not divided, per sample. */
    private final double perRelaxTauS;
    /** {@code sittingPrior}, in a field of its own (the per-sample relaxation reads it: one load, not two). */
    private final double prior;
    private double sittingProbability;
    private SittingEvidence evidence = SittingEvidence.PRIOR;
    private double evidenceAtS = Double.NaN;

    SittingLabel(PostureTuning tuning) {
        this.tuning = tuning;
        this.sittingProbability = tuning.sittingPrior();
        this.perRelaxTauS = 1 / tuning.labelRelaxTauS();
        this.prior = tuning.sittingPrior();
    }

    void sitDown(double tS) {
        set(tS, tuning.transitionEvidence(), SittingEvidence.SIT_DOWN);
    }

    void standUp(double tS) {
        set(tS, 1 - tuning.transitionEvidence(), SittingEvidence.STAND_UP);
    }

    void walking(double tS) {
        set(tS, 1 - tuning.walkingStandingEvidence(), SittingEvidence.WALKING);
    }

    /** Lying, or the sensor off: what follows is unknown, the prior holds. */
    void forget() {
        sittingProbability = tuning.sittingPrior();
        evidence = SittingEvidence.PRIOR;
        evidenceAtS = Double.NaN;
    }

    private void set(double tS, double p, SittingEvidence e) {
        sittingProbability = p;
        evidence = e;
        evidenceAtS = tS;
    }

    /** Time passes with no new evidence. */
    void relax(double dtS) {
        if (dtS > 0) {
            sittingProbability += (prior - sittingProbability) * (dtS * perRelaxTauS);
        }
    }

    boolean sitting() {
        return sittingProbability >= 0.5;
    }

    /** Probability that the wearer sits, 0..1. */
    double sittingProbability() {
        return sittingProbability;
    }

    SittingEvidence evidence() {
        return evidence;
    }

    /** When the evidence was seen, NaN for the prior. */
    double evidenceAtS() {
        return evidenceAtS;
    }
}
