package io.midback.alert;

import io.midback.posture.PostureSettings;
import io.midback.posture.PostureState;

/**
 * Staleness: a wearer who reads as slouched or reclined nearly all the time while moving normally has more
 * likely shifted the sensor (or calibrated badly) than slumped for that long. Sedentary time is cut into windows
 * of half {@code staleAfterS}; a window is stale when ≥ 90 % of it reads slouched or reclined and ≥ 30 % of it
 * shows ordinary movement. Stale windows covering {@code staleAfterS} bring one {@code recalibrate} suggestion
 * (then at most one an hour) and silence slump alerts until a window reads mostly fine (&lt; 50 % poor) or the
 * wearer recalibrates.
 */
final class StalenessPolicy {
    static final double POOR_FRACTION = 0.9, MOVING_FRACTION = 0.3, CLEAR_FRACTION = 0.5, REPEAT_S = 3600;

    private PostureSettings s;
    private final AlertListener out;
    private double windowS, poorS, movingS;
    private int staleWindows;
    private boolean stale;
    private double nextSuggestionS = Double.NEGATIVE_INFINITY;

    StalenessPolicy(PostureSettings settings, AlertListener out) {
        this.s = settings;
        this.out = out;
    }

    /** New thresholds and intervals from the next update on (the session's thread: {@link PostureEngine}). */
    void updateSettings(PostureSettings settings) {
        this.s = settings;
    }

    void update(double tS, double dtS, PostureState state, boolean moving, boolean maySuggest) {
        if (!state.isSedentary() || !(dtS > 0)) {
            return;
        }
        windowS += dtS;
        if (state == PostureState.SLOUCHED || state == PostureState.RECLINED) {
            poorS += dtS;
        }
        if (moving) {
            movingS += dtS;
        }
        double windowLength = s.staleAfterS() / 2;
        if (windowS < windowLength) {
            return;
        }
        double poor = poorS / windowS;
        if (poor >= POOR_FRACTION && movingS / windowS >= MOVING_FRACTION) {
            staleWindows++;
        } else {
            staleWindows = 0;
            if (poor < CLEAR_FRACTION) {
                stale = false;
            }
        }
        windowS = poorS = movingS = 0;
        if (staleWindows >= 2 && maySuggest && tS >= nextSuggestionS) {
            stale = true;
            staleWindows = 0;
            nextSuggestionS = tS + REPEAT_S;
            out.onAlert(new Alert(tS, AlertKind.RECALIBRATE, "You have read as slouched or reclined for a long "
                    + "time while moving normally: the sensor may have shifted. Sit upright and recalibrate."));
        }
    }

    boolean isStale() {
        return stale;
    }

    /** A new calibration: start afresh. */
    void reset() {
        windowS = poorS = movingS = 0;
        staleWindows = 0;
        stale = false;
    }
}
