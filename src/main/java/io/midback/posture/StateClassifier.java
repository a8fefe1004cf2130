package io.midback.posture;

/**
 * The posture state from the angles and the activity, smoothed: a new state must hold {@code stateHoldS}
 * (walking {@code walkHoldS}, lying {@code lyingHoldS}) before it is reported; slouched, whose hold is the slump
 * rule's dwell, follows another sedentary state at once (at the sample the slump alerts count the slump). In
 * priority order: not worn (no micro-motion for long, or upside down), lying, walking, and otherwise sedentary
 * (sitting, or standing still). A sedentary wearer is slouched while the {@link SlumpRule} says so (the rule the
 * slump alerts use, seen as a state; sitting or standing alike), else standing when the {@link SittingLabel} says
 * so, else reclined, leaning sideways or upright. Plain values in; allocation-free.
 */
final class StateClassifier {
    /** A recognised transition keeps walking evidence from overwriting it this long, s. */
    static final double TRANSITION_WINS_S = 5;

    private final SittingLabel label;
    private final double cosLying, cosUpsideDown;
    /** The tuning's figures the per-sample path reads, in fields of their own (one load each, not two). */
    private final double stateHoldS, walkHoldS, lyingHoldS, stateHysteresisDeg, reclineDeg, sideLeanDeg;
    private final SlumpRule slump;
    private boolean reclinedIn, sidewaysIn;
    private PostureState current = PostureState.UNKNOWN, candidate = PostureState.UNKNOWN;
    private double candidateSinceS;
    private double lastTransitionS = Double.NEGATIVE_INFINITY;

    StateClassifier(PostureSettings settings) {
        PostureTuning tuning = settings.tuning();
        this.label = new SittingLabel(tuning);
        this.slump = new SlumpRule(settings);
        cosLying = Math.cos(Math.toRadians(tuning.lyingInclinationDeg()));
        cosUpsideDown = Math.cos(Math.toRadians(tuning.upsideDownDeg()));
        stateHoldS = tuning.stateHoldS();
        walkHoldS = tuning.walkHoldS();
        lyingHoldS = tuning.lyingHoldS();
        stateHysteresisDeg = tuning.stateHysteresisDeg();
        reclineDeg = tuning.reclineDeg();
        sideLeanDeg = tuning.sideLeanDeg();
    }

    void updateSettings(PostureSettings s) {
        slump.use(s);
    }

    /**
     * @param transition     {@link ActivityDetector#RISE}, {@link ActivityDetector#DESCENT} or NONE at this sample
     * @param walking        the raw walking test
     * @param noMicroMotion  the raw not-worn test
     */
    PostureState classify(double tS, double dtS, double flexionDeg, double lateralBendDeg, double cosInclination,
                          int transition, boolean walking, boolean noMicroMotion) {
        if (transition != ActivityDetector.NONE) {
            lastTransitionS = tS;
            if (transition == ActivityDetector.RISE) {
                label.standUp(tS);
            } else {
                label.sitDown(tS);
            }
        }
        PostureState raw;
        double hold = stateHoldS;
        if (noMicroMotion || cosInclination < cosUpsideDown) {
            raw = PostureState.NOT_WORN;
            hold = noMicroMotion ? 0 : lyingHoldS;
        } else if (cosInclination < cosLying) {
            raw = PostureState.LYING;
            hold = lyingHoldS;
        } else if (walking) {
            raw = PostureState.WALKING;
            hold = walkHoldS;
        } else {
            raw = sedentary(tS, flexionDeg, lateralBendDeg);
            if (raw == PostureState.SLOUCHED && current.isSedentary()) {
                hold = 0; // the slump rule's dwell is its hold: slouched at the sample the slump alerts count it
            }
        }
        if (!raw.isSedentary()) {
            slump.reset();
        }
        if (raw != candidate) {
            candidate = raw;
            candidateSinceS = tS;
        }
        if (candidate != current && (tS - candidateSinceS >= hold || current == PostureState.UNKNOWN)) {
            current = candidate;
        }
        if (current == PostureState.WALKING) {
            if (tS - lastTransitionS > TRANSITION_WINS_S) {
                label.walking(tS);
            }
        } else if (current == PostureState.LYING || current == PostureState.NOT_WORN) {
            label.forget();
        } else {
            label.relax(dtS);
        }
        return current;
    }

    private PostureState sedentary(double tS, double flexDeg, double latDeg) {
        boolean slouched = (slump.update(tS, flexDeg) & SlumpRule.SLUMPED) != 0;
        double h = stateHysteresisDeg;
        reclinedIn = reclinedIn ? flexDeg <= -reclineDeg + h : flexDeg <= -reclineDeg;
        double absLat = Math.abs(latDeg);
        sidewaysIn = sidewaysIn ? absLat >= sideLeanDeg - h : absLat >= sideLeanDeg;
        if (slouched) {
            return PostureState.SLOUCHED;
        }
        if (!label.sitting()) {
            return PostureState.STANDING;
        }
        if (reclinedIn) {
            return PostureState.RECLINED;
        }
        return sidewaysIn ? PostureState.LEANING_SIDEWAYS : PostureState.UPRIGHT;
    }

    PostureState state() {
        return current;
    }

    SittingLabel label() {
        return label;
    }
}
