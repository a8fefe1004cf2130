package io.midback.sim;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the wearer does during one scenario line. Every sitting activity is an excursion from the upright
 * sitting neutral: it moves to its target over {@code ramp} seconds, holds it, and returns over
 * {@code recover} seconds at its end, so consecutive lines always join smoothly. Parameters (all optional,
 * {@code key=value}) and their defaults are listed in {@link #defaults()}; angles are in degrees.
 */
public enum Activity {
    /** Sitting upright and still (calibration-friendly): breathing only. */
    STILL(Mode.SITTING, 0.0, Map.of()),
    /** Sitting upright at work: breathing plus small slow movements ({@code micro} scales them). */
    TYPE(Mode.SITTING, 1.0, Map.of("micro", 1.0)),
    /**
     * Slumping forward to {@code depth}° flexion over {@code ramp} s, holding, recovering over {@code recover} s;
     * the pelvis rolls back by {@code roll}° meanwhile (the spine between the sensors then flexes depth + roll).
     */
    SLUMP(Mode.SITTING, 0.6, Map.of("depth", 28.0, "ramp", 6.0, "recover", 4.0, "lat", 0.0, "axial", 0.0,
            "roll", 10.0)),
    /**
     * A forward reach: flexion to {@code depth}° and back, optionally turned ({@code axial}) or bent ({@code lat});
     * the pelvis tilts forward by {@code pelvis}° of it.
     */
    REACH(Mode.SITTING, 0.3, Map.of("depth", 35.0, "ramp", 1.0, "recover", 1.0, "lat", 0.0, "axial", 0.0,
            "pelvis", 15.0)),
    /**
     * A hip hinge: leaning forward {@code depth}° from the hips with a straight spine (the pelvis tilts forward
     * as far as the trunk), over {@code ramp} s, held, back over {@code recover} s: to one sensor on the upper back
     * it looks like a slump; between two sensors the spine does not flex.
     */
    HINGE(Mode.SITTING, 0.3, Map.of("depth", 30.0, "ramp", 3.0, "recover", 3.0)),
    /** Looking to one side: axial rotation by {@code angle}° toward {@code side} (right or left). */
    LOOK(Mode.SITTING, 0.3, Map.of("angle", 40.0, "side", "right", "ramp", 0.8, "recover", 0.8)),
    /** A side lean (lateral bend) by {@code angle}° toward {@code side}. */
    LEAN(Mode.SITTING, 0.5, Map.of("angle", 15.0, "side", "right", "ramp", 2.0, "recover", 2.0)),
    /** Leaning back against the chair: extension by {@code angle}° (flexion −angle), the pelvis rolling back {@code roll}°. */
    RECLINE(Mode.SITTING, 0.5, Map.of("angle", 20.0, "ramp", 3.0, "recover", 3.0, "roll", 8.0)),
    /**
     * Any sitting pose: {@code flex}, {@code lat}, {@code axial} degrees of the upper back, {@code pelvis} degrees
     * of pelvic tilt (+ forward); {@code state} a posture label.
     */
    POSE(Mode.SITTING, 0.5, Map.of("flex", 0.0, "lat", 0.0, "axial", 0.0, "ramp", 2.0, "recover", 2.0,
            "state", "auto", "pelvis", 0.0)),
    /**
     * Standing still, for example at a standing desk (rising from the chair first and sitting down at the end when
     * the neighbours sit: over {@code rise} and {@code sit} s with a forward lean of {@code riselean} and
     * {@code sitlean}°); {@code depth}° of flexion over {@code ramp} s and back over {@code recover} s is a slump
     * while standing; {@code micro} scales the small movements of desk work.
     */
    STAND(Mode.STANDING, 0.7, Map.of("depth", 0.0, "ramp", 0.0, "recover", 0.0, "micro", 0.7, "rise", 2.0,
            "riselean", 30.0, "sit", 2.0, "sitlean", 30.0)),
    /**
     * Walking straight ahead at {@code speed} m/s and {@code cadence} steps per minute, the trunk bouncing
     * {@code bounce} m; rising and sitting down as {@code stand} does.
     */
    WALK(Mode.WALKING, 0.0, Map.of("speed", 1.2, "cadence", 108.0, "bounce", 0.022, "rise", 2.0,
            "riselean", 30.0, "sit", 2.0, "sitlean", 30.0)),
    /** Lying on the back: the trunk goes horizontal over {@code ramp} s and comes back over {@code recover} s. */
    LIE(Mode.LYING, 0.3, Map.of("ramp", 5.0, "recover", 5.0)),
    /**
     * The sensor taken off and left flat on the desk, face up (not worn): it takes {@code ramp} s to take it off
     * and {@code recover} s to put it back on; in between it is perfectly still.
     */
    OFF(Mode.OFF, 0.0, Map.of("ramp", 2.0, "recover", 2.0));

    /** The whole-body situation an activity belongs to. */
    public enum Mode { SITTING, STANDING, WALKING, LYING, OFF }

    private final Mode mode;
    private final double microScale;
    private final Map<String, Object> defaults;
    private final String keyword;

    Activity(Mode mode, double microScale, Map<String, Object> defaults) {
        this.keyword = name().toLowerCase(Locale.ROOT);
        this.mode = mode;
        this.microScale = microScale;
        this.defaults = defaults;
    }

    public Mode mode() {
        return mode;
    }

    /** How strongly the small slow movements of seated work show during this activity (0..1). */
    double microScale() {
        return microScale;
    }

    /** The parameters this activity accepts with their defaults (Double or String). */
    public Map<String, Object> defaults() {
        return defaults;
    }

    public Set<String> parameterNames() {
        return defaults.keySet();
    }

    /** The name used in scenario files. */
    public String keyword() {
        return keyword;
    }

    public static Activity fromKeyword(String word) {
        for (Activity a : values()) {
            if (a.keyword().equals(word)) {
                return a;
            }
        }
        return null;
    }
}
