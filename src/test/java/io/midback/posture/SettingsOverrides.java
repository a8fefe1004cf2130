package io.midback.posture;

/**
 * Overrides of rules that people cannot set (the presets, the settings file and the options give the slump
 * threshold and dwell and the break interval): a test pins one to isolate the rule it checks.
 */
public final class SettingsOverrides {
    private SettingsOverrides() {
    }

    /** The break reminder repeats this often while a sedentary bout goes on, s. */
    public static PostureSettings breakRepeat(PostureSettings s, double repeatS) {
        return new PostureSettings(s.calibrateAtS(), s.forwardAtS(), s.neutralWindowS(), s.forwardWindowS(),
                s.preset(), s.slumpThresholdDeg(), s.slumpHysteresisDeg(), s.slumpDwellS(), s.slumpRecoverS(),
                s.cooldownS(), s.escalateEveryS(), s.maxEscalations(), s.breakAfterS(), s.breakEndsAfterS(),
                repeatS, s.staleAfterS(), s.tuning());
    }
}
