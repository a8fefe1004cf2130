package io.midback.posture;

import java.util.Locale;

/**
 * Named slump-alert settings, from published practice (see the README's posture section):
 * <ul>
 *   <li>{@code strict}: 10° beyond upright for 10 s. RULA scores any trunk flexion beyond the 0–20° band
 *       as worse and commercial trainers allow delays down to a few seconds; for short training sessions.</li>
 *   <li>{@code standard}: 15° for 20 s: midway in the 10–25° range trainers and studies use, a delay long
 *       enough that reaching for a cup or reading a line does not alert.</li>
 *   <li>{@code gentle}: 20° for 2 min: ISO 11226 accepts static trunk inclination below 20° without time
 *       limit (20° itself for about 4 min); 2 min is the delay the Lumo Lift trainer recommended.</li>
 * </ul>
 */
public enum SlumpPreset {
    GENTLE(20, 120, 600, 600),
    STANDARD(15, 20, 120, 120),
    STRICT(10, 10, 60, 60);

    /** Flexion beyond the calibrated upright that counts as slumped, degrees. */
    public final double thresholdDeg;
    /** How long the slump must last before the first alert, seconds. */
    public final double dwellS;
    /** Least time between the first alerts of two slump episodes, seconds. */
    public final double cooldownS;
    /** While a slump persists after an alert, another (stronger) alert this often, seconds. */
    public final double escalateEveryS;

    SlumpPreset(double thresholdDeg, double dwellS, double cooldownS, double escalateEveryS) {
        this.thresholdDeg = thresholdDeg;
        this.dwellS = dwellS;
        this.cooldownS = cooldownS;
        this.escalateEveryS = escalateEveryS;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The preset named {@code label} (case-insensitive), or an exception listing the names. */
    public static SlumpPreset fromLabel(String label) {
        for (SlumpPreset p : values()) {
            if (p.label().equalsIgnoreCase(label.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + label + "' (expected gentle, standard or strict)");
    }
}
