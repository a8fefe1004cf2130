package io.midback.sim;

import io.midback.posture.PostureState;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scripted session: who faces where, and what they do when. Read from a line-oriented text file:
 *
 * <pre>
 * # comment (also after a line's content)
 * name     slump-demo                 optional; defaults to the file name
 * heading  35                         optional; the direction the wearer faces, degrees clockwise from north
 * start    2026-11-20T09:00:00        optional; local wall time of t = 0 (the command line can override)
 * # at     duration  activity  key=value ...
 * 0:00     10s       still
 * +        20s       type
 * 0:30     45s       slump     depth=30 ramp=5 recover=4
 * breathing rate=8                    optional; from the next line on (see {@link BreathingSettings})
 * +        2m        still
 * </pre>
 *
 * <p>{@code at} is when the line starts: {@code h:mm:ss}, {@code m:ss} or seconds, or {@code +} for "when the
 * previous line ends"; lines must follow each other without gaps or overlaps, the first at 0.
 * {@code duration} is seconds ({@code 90}, {@code 12.5}) or with units ({@code 90s}, {@code 5m},
 * {@code 1h30m}, {@code 1m30s}). Activities and their parameters are those of {@link Activity}. A malformed
 * line stops the read with a {@link ScenarioFormatException} naming the file and line.
 */
public final class Scenario {
    /** Where the built-in scenarios live on the class path. */
    static final String BUILTIN_DIR = "/io/midback/sim/scenarios/";
    /** Names of the built-in scenarios. */
    public static final List<String> BUILTINS = List.of("slump-demo", "workday", "paced-breathing", "two-sensor-demo");

    private final String name;
    private final double headingDeg;
    private final LocalDateTime start;
    private final List<Segment> segments;
    private final List<BreathingSettings.Change> breathing;
    private final BaseFlexion baseFlexion;

    public Scenario(String name, double headingDeg, LocalDateTime start, List<Segment> segments) {
        this(name, headingDeg, start, segments, List.of());
    }

    /** @param breathing the {@code breathing} lines in force from their times (none: the default breathing) */
    public Scenario(String name, double headingDeg, LocalDateTime start, List<Segment> segments,
                    List<BreathingSettings.Change> breathing) {
        this(name, headingDeg, start, segments, breathing, BaseFlexion.NONE);
    }

    /** @param baseFlexion the trunk's base position under the lines' excursions (hands and knees, prone, lying) */
    public Scenario(String name, double headingDeg, LocalDateTime start, List<Segment> segments,
                    List<BreathingSettings.Change> breathing, BaseFlexion baseFlexion) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one activity");
        }
        this.name = name;
        this.headingDeg = headingDeg;
        this.start = start;
        List<Segment> linked = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            Activity.Mode prev = i == 0 ? s.mode() : segments.get(i - 1).mode();
            Activity.Mode next = i == segments.size() - 1 ? s.mode() : segments.get(i + 1).mode();
            linked.add(s.withNeighbours(prev, next));
        }
        this.segments = List.copyOf(linked);
        this.breathing = List.copyOf(breathing);
        this.baseFlexion = baseFlexion;
    }

    /** The trunk's base position under the lines' excursions ({@link BaseFlexion#NONE}: upright). */
    public BaseFlexion baseFlexion() {
        return baseFlexion;
    }

    /** The {@code breathing} lines, in order (empty: {@link BreathingSettings#DEFAULT} throughout). */
    public List<BreathingSettings.Change> breathing() {
        return breathing;
    }

    public String name() {
        return name;
    }

    /** Direction the wearer faces, degrees clockwise from north. */
    public double headingDeg() {
        return headingDeg;
    }

    /** Local wall time of t = 0 the file asks for, or null. */
    public LocalDateTime start() {
        return start;
    }

    public List<Segment> segments() {
        return segments;
    }

    public double durationS() {
        return segments.get(segments.size() - 1).endS();
    }

    /**
     * The first {@code seconds} of this scenario (the line in force at the cut is cut short and does not
     * recover), or this scenario when it is no longer.
     */
    public Scenario truncated(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("duration must be positive: " + seconds);
        }
        if (seconds >= durationS()) {
            return this;
        }
        List<Segment> kept = new ArrayList<>();
        for (Segment s : segments) {
            if (s.startS() >= seconds) {
                break;
            }
            if (s.endS() <= seconds) {
                kept.add(s);
            } else {
                double d = seconds - s.startS();
                kept.add(new Segment(s.startS(), d, s.activity(), s.flexTargetDeg(), s.latTargetDeg(),
                        s.axialTargetDeg(), Math.min(s.rampS(), d), 0, s.micro(), s.speedMps(),
                        s.cadenceStepsPerMin(), s.bounceM(), s.transitions(), s.stateOverride(), s.previousMode(),
                        s.nextMode(), s.line(), s.pelvisTargetDeg()));
            }
        }
        return new Scenario(name, headingDeg, start, kept, breathing);
    }

    /** A built-in scenario by name, or else a scenario file by path. */
    public static Scenario load(String nameOrPath) {
        if (BUILTINS.contains(nameOrPath)) {
            return builtin(nameOrPath);
        }
        Path p = Path.of(nameOrPath);
        try {
            return parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8), fileStem(p));
        } catch (NoSuchFileException e) {
            throw new ScenarioFormatException(nameOrPath, 0, "no such scenario file, and not a built-in ("
                    + String.join(", ", BUILTINS) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + nameOrPath + ": " + e.getMessage(), e);
        }
    }

    public static Scenario builtin(String name) {
        String resource = BUILTIN_DIR + name + ".scenario";
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in scenario '" + name + "'");
            }
            return parse(name + ".scenario", new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileStem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Parses scenario text; {@code source} names it in error messages. */
    public static Scenario parse(String source, String text, String defaultName) {
        String name = defaultName;
        double heading = 0;
        LocalDateTime start = null;
        List<Segment> segments = new ArrayList<>();
        List<BreathingSettings.Change> breathing = new ArrayList<>();
        double end = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            String first = f[0].toLowerCase(Locale.ROOT);
            switch (first) {
                case "name":
                    expectArgs(source, lineNo, f, 2, "name NAME");
                    name = f[1];
                    continue;
                case "heading":
                    expectArgs(source, lineNo, f, 2, "heading DEGREES");
                    heading = number(source, lineNo, f[1], "heading");
                    continue;
                case "start":
                    expectArgs(source, lineNo, f, 2, "start YYYY-MM-DDTHH:MM:SS");
                    try {
                        start = LocalDateTime.parse(f[1]);
                    } catch (DateTimeParseException e) {
                        throw new ScenarioFormatException(source, lineNo, "bad start time '" + f[1]
                                + "': expected YYYY-MM-DDTHH:MM:SS");
                    }
                    continue;
                case "breathing":
                    BreathingSettings previous = breathing.isEmpty() ? BreathingSettings.DEFAULT
                            : breathing.get(breathing.size() - 1).settings();
                    breathing.add(new BreathingSettings.Change(end,
                            BreathingSettings.parse(source, lineNo, f, previous)));
                    continue;
                default:
                    break;
            }
            if (f.length < 3) {
                throw new ScenarioFormatException(source, lineNo, "expected 'AT DURATION ACTIVITY [key=value...]'"
                        + " but got '" + line + "'");
            }
            double at;
            if (f[0].equals("+")) {
                at = end;
            } else {
                at = clockTime(source, lineNo, f[0]);
                if (Math.abs(at - end) > 1e-6) {
                    throw new ScenarioFormatException(source, lineNo, "starts at " + f[0] + " ("
                            + fmt(at) + " s) but the previous activity ends at " + fmt(end)
                            + " s: lines must follow each other without gaps or overlaps (use '+')");
                }
                at = end;
            }
            double duration = duration(source, lineNo, f[1]);
            Activity activity = Activity.fromKeyword(f[2].toLowerCase(Locale.ROOT));
            if (activity == null) {
                List<String> known = new ArrayList<>();
                for (Activity a : Activity.values()) {
                    known.add(a.keyword());
                }
                throw new ScenarioFormatException(source, lineNo, "unknown activity '" + f[2] + "' (known: "
                        + String.join(", ", known) + ")");
            }
            Map<String, String> given = new HashMap<>();
            for (int k = 3; k < f.length; k++) {
                int eq = f[k].indexOf('=');
                if (eq <= 0 || eq == f[k].length() - 1) {
                    throw new ScenarioFormatException(source, lineNo, "expected key=value but got '" + f[k] + "'");
                }
                String key = f[k].substring(0, eq).toLowerCase(Locale.ROOT);
                if (!activity.parameterNames().contains(key)) {
                    throw new ScenarioFormatException(source, lineNo, "'" + activity.keyword()
                            + "' takes no parameter '" + key + "' (it takes: "
                            + (activity.parameterNames().isEmpty() ? "none"
                            : String.join(", ", activity.parameterNames().stream().sorted().toList())) + ")");
                }
                given.put(key, f[k].substring(eq + 1));
            }
            segments.add(resolve(source, lineNo, at, duration, activity, given));
            end = at + duration;
        }
        if (segments.isEmpty()) {
            throw new ScenarioFormatException(source, lines.length, "no activities in the scenario");
        }
        return new Scenario(name, heading, start, segments, breathing);
    }

    private static Segment resolve(String source, int lineNo, double at, double duration, Activity activity,
                                   Map<String, String> given) {
        Params p = new Params(source, lineNo, activity, given);
        double flex = 0, lat = 0, axial = 0, pelvis = 0;
        double ramp = p.num("ramp", 0), recover = p.num("recover", 0);
        double micro = activity.parameterNames().contains("micro") ? p.num("micro", 0) : activity.microScale();
        PostureState override = null;
        switch (activity) {
            case SLUMP:
            case REACH:
                flex = p.num("depth", 0);
                lat = p.num("lat", Double.NEGATIVE_INFINITY);
                axial = p.num("axial", Double.NEGATIVE_INFINITY);
                pelvis = activity == Activity.SLUMP ? -p.num("roll", Double.NEGATIVE_INFINITY)
                        : p.num("pelvis", Double.NEGATIVE_INFINITY);
                break;
            case HINGE:
                flex = p.num("depth", 0);
                pelvis = flex;
                break;
            case LOOK:
                axial = p.num("angle", 0) * p.side();
                break;
            case LEAN:
                lat = p.num("angle", 0) * p.side();
                break;
            case RECLINE:
                flex = -p.num("angle", 0);
                pelvis = -p.num("roll", Double.NEGATIVE_INFINITY);
                break;
            case POSE:
                flex = p.num("flex", Double.NEGATIVE_INFINITY);
                lat = p.num("lat", Double.NEGATIVE_INFINITY);
                axial = p.num("axial", Double.NEGATIVE_INFINITY);
                pelvis = p.num("pelvis", Double.NEGATIVE_INFINITY);
                String state = p.text("state");
                if (!state.equals("auto")) {
                    try {
                        override = PostureState.fromLabel(state);
                    } catch (IllegalArgumentException e) {
                        throw new ScenarioFormatException(source, lineNo, e.getMessage());
                    }
                }
                break;
            case STAND:
                flex = p.num("depth", 0);
                break;
            case LIE:
                flex = -90;
                pelvis = flex; // the whole trunk lies down
                break;
            default:
                break;
        }
        if (ramp < 0 || recover < 0 || micro < 0) {
            throw new ScenarioFormatException(source, lineNo, "ramp, recover and micro must not be negative");
        }
        if (Math.abs(flex) > 90 || Math.abs(lat) > 60 || Math.abs(axial) > 90 || Math.abs(pelvis) > 90) {
            throw new ScenarioFormatException(source, lineNo, "angles out of range (|flexion| ≤ 90°, "
                    + "|lateral bend| ≤ 60°, |axial rotation| ≤ 90°, |pelvic tilt| ≤ 90°)");
        }
        if (ramp + recover > duration && ramp + recover > 0) {
            double k = duration / (ramp + recover);
            ramp *= k;
            recover *= k;
        }
        double speed = activity == Activity.WALK ? p.num("speed", 0) : 0;
        double cadence = activity == Activity.WALK ? p.num("cadence", 1) : 0;
        double bounce = activity == Activity.WALK ? p.num("bounce", 0) : 0;
        Segment.Transitions transitions = Segment.Transitions.DEFAULT;
        if (activity.parameterNames().contains("rise")) {
            transitions = new Segment.Transitions(p.num("rise", 0.1), p.num("riselean", 0), p.num("sit", 0.1),
                    p.num("sitlean", 0));
            if (transitions.riseLeanDeg() > 60 || transitions.sitLeanDeg() > 60) {
                throw new ScenarioFormatException(source, lineNo, "riselean and sitlean must be at most 60°");
            }
        }
        return new Segment(at, duration, activity, flex, lat, axial, ramp, recover, micro, speed, cadence, bounce,
                transitions, override, activity.mode(), activity.mode(), lineNo, pelvis);
    }

    /** One line's parameters: given values over the activity's defaults. */
    private record Params(String source, int lineNo, Activity activity, Map<String, String> given) {
        double num(String key, double min) {
            Object d = activity.defaults().get(key);
            String v = given.get(key);
            if (v == null) {
                return d instanceof Double dd ? dd : 0;
            }
            double x = number(source, lineNo, v, key);
            if (x < min) { // only non-negative parameters have a minimum
                throw new ScenarioFormatException(source, lineNo, key + " must be at least " + fmt(min)
                        + " but is " + v);
            }
            return x;
        }

        String text(String key) {
            String v = given.get(key);
            return v != null ? v : String.valueOf(activity.defaults().get(key));
        }

        double side() {
            String s = text("side").toLowerCase(Locale.ROOT);
            if (s.equals("right")) {
                return 1;
            }
            if (s.equals("left")) {
                return -1;
            }
            throw new ScenarioFormatException(source, lineNo, "side must be left or right, not '" + s + "'");
        }
    }

    private static void expectArgs(String source, int lineNo, String[] f, int n, String usage) {
        if (f.length != n) {
            throw new ScenarioFormatException(source, lineNo, "expected '" + usage + "'");
        }
    }

    static double number(String source, int lineNo, String text, String what) {
        try {
            double x = Double.parseDouble(text);
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ScenarioFormatException(source, lineNo, "bad number for " + what + ": '" + text + "'");
    }

    /** {@code h:mm:ss}, {@code m:ss} or plain seconds. */
    static double clockTime(String source, int lineNo, String text) {
        String[] parts = text.split(":", -1);
        if (parts.length > 3) {
            throw new ScenarioFormatException(source, lineNo, "bad time '" + text + "': use h:mm:ss, m:ss, "
                    + "seconds or +");
        }
        double total = 0;
        for (int i = 0; i < parts.length; i++) {
            double v;
            try {
                v = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new ScenarioFormatException(source, lineNo, "bad time '" + text + "': use h:mm:ss, m:ss, "
                        + "seconds or +");
            }
            if (!(v >= 0) || (i > 0 && v >= 60)) {
                throw new ScenarioFormatException(source, lineNo, "bad time '" + text + "'");
            }
            total = total * 60 + v;
        }
        return total;
    }

    /** A duration as scenario files write it ({@code 90}, {@code 90s}, {@code 5m}, {@code 1h30m}), in seconds. */
    public static double parseDuration(String text) {
        try {
            return duration("duration", 0, text);
        } catch (ScenarioFormatException e) {
            throw new IllegalArgumentException("bad duration '" + text + "': use seconds (90) or units (90s, 5m, 1h)");
        }
    }

    /** Seconds, or a sequence of number+unit ({@code h}, {@code m}, {@code s}); must be positive. */
    static double duration(String source, int lineNo, String text) {
        double total = 0;
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches("[0-9]*\\.?[0-9]+")) {
            total = Double.parseDouble(t);
        } else if (t.matches("([0-9]*\\.?[0-9]+[hms])+")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]*\\.?[0-9]+)([hms])").matcher(t);
            while (m.find()) {
                double v = Double.parseDouble(m.group(1));
                total += v * switch (m.group(2)) {
                    case "h" -> 3600;
                    case "m" -> 60;
                    default -> 1;
                };
            }
        } else {
            throw new ScenarioFormatException(source, lineNo, "bad duration '" + text
                    + "': use seconds (90, 12.5) or units (90s, 5m, 1h30m)");
        }
        if (!(total > 0)) {
            throw new ScenarioFormatException(source, lineNo, "duration must be positive: '" + text + "'");
        }
        return total;
    }

    private static String fmt(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
