package io.midback.routine;

import io.midback.mobility.MobilitySettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads routine files: plain text, one {@code key value} per line, {@code #} starts a comment. The keys before the
 * first {@code exercise} line describe the routine ({@code routine NAME}, {@code title TEXT}); each
 * {@code exercise NAME} line opens an exercise whose keys follow:
 *
 * <pre>
 * exercise seated-rotation
 * title      Seated rotation
 * how        Sit tall, arms crossed on the chest; turn your shoulders to one side, then the other.
 * position   seated            # hands-and-knees | prone | standing | seated | lying
 * movement   rotation          # flexion | extension | flexion-extension | side-bend | rotation (counted)
 * reps       8                 # … or duration-s 120 for a timed step (no movement)
 * pace-s     5                 # the pacer: one repetition every 5 s
 * target-deg 40                # asked for on each side; never more than the last mobility check measured
 * min-deg    8                 # an excursion counts from here (default: the mobility check's repetition rule)
 * upright-limit-deg 20         # optional, with movement flexion: "keep your chest tall" beyond this
 * cues       left, right       # the pacer's two halves (default: out, back)
 * </pre>
 *
 * A mistake is one {@link RoutineFormatException} naming the file and the line.
 */
public final class RoutineFile {
    /** The built-in routines, read from the resources. */
    public static final List<String> BUILT_IN = List.of("daily", "desk");

    private RoutineFile() {
    }

    /** A built-in routine by name, or a routine file by path. */
    public static Routine load(String nameOrPath) throws IOException {
        if (BUILT_IN.contains(nameOrPath)) {
            String resource = nameOrPath + ".routine";
            try (InputStream in = RoutineFile.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("built-in routine missing from the build: " + resource);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            }
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new RoutineFormatException("no routine '" + nameOrPath + "' (built in: " + String.join(", ", BUILT_IN)
                    + "; or a routine file's path)");
        }
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RoutineFormatException(p + ": not a routine file (not text)");
        }
        return parse(text, p.toString());
    }

    /** Parses a routine file's text; {@code source} names it in errors. */
    public static Routine parse(String text, String source) {
        String routineName = null, routineTitle = null;
        List<Exercise> exercises = new ArrayList<>();
        Draft d = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = source + " line " + (i + 1);
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            String key = (sp < 0 ? line : line.substring(0, sp)).toLowerCase(Locale.ROOT);
            String value = sp < 0 ? "" : line.substring(sp + 1).strip();
            if (value.isEmpty()) {
                throw new RoutineFormatException(where + ": '" + key + "' needs a value");
            }
            try {
                if (key.equals("exercise")) {
                    if (d != null) {
                        exercises.add(d.build());
                    }
                    d = new Draft(value, where);
                } else if (d == null) {
                    if (key.equals("routine")) {
                        routineName = value;
                    } else if (key.equals("title")) {
                        routineTitle = value;
                    } else {
                        throw new RoutineFormatException(where + ": unknown key '" + key
                                + "' before the first exercise (routine, title)");
                    }
                } else {
                    d.set(key, value, where);
                }
            } catch (IllegalArgumentException e) {
                throw e instanceof RoutineFormatException ? e : new RoutineFormatException(where + ": " + e.getMessage());
            }
        }
        if (d != null) {
            exercises.add(d.build());
        }
        if (routineName == null) {
            throw new RoutineFormatException(source + ": no 'routine NAME' line");
        }
        if (exercises.isEmpty()) {
            throw new RoutineFormatException(source + ": no exercise");
        }
        return new Routine(routineName, routineTitle == null ? routineName : routineTitle, exercises);
    }

    /** An exercise while its lines are read. */
    private static final class Draft {
        final String name;
        final String where;
        String title, how = "";
        StartPosition position;
        Movement movement;
        int reps;
        double durationS, paceS = 5, targetDeg = 30, minDeg = MobilitySettings.defaults().repMinDeg();
        double uprightLimitDeg = Double.NaN;
        String cueOut = "out", cueBack = "back";

        Draft(String name, String where) {
            this.name = name;
            this.where = where;
            this.title = name;
        }

        void set(String key, String value, String at) {
            switch (key) {
                case "title":
                    title = value;
                    break;
                case "how":
                    how = how.isEmpty() ? value : how + " " + value;
                    break;
                case "position":
                    position = StartPosition.byFileName(value);
                    if (position == null) {
                        throw new RoutineFormatException(at + ": unknown position '" + value
                                + "' (" + fileNames(StartPosition.values(), StartPosition::fileName) + ")");
                    }
                    break;
                case "movement":
                    movement = Movement.byFileName(value);
                    if (movement == null) {
                        throw new RoutineFormatException(at + ": unknown movement '" + value
                                + "' (" + fileNames(Movement.values(), Movement::fileName) + ")");
                    }
                    break;
                case "reps":
                    reps = Integer.parseInt(value);
                    break;
                case "duration-s":
                    durationS = number(value, at);
                    break;
                case "pace-s":
                    paceS = number(value, at);
                    break;
                case "target-deg":
                    targetDeg = number(value, at);
                    break;
                case "min-deg":
                    minDeg = number(value, at);
                    break;
                case "upright-limit-deg":
                    uprightLimitDeg = number(value, at);
                    break;
                case "cues":
                    String[] c = value.split(",");
                    if (c.length != 2) {
                        throw new RoutineFormatException(at + ": cues needs two, comma-separated");
                    }
                    cueOut = c[0].strip();
                    cueBack = c[1].strip();
                    break;
                default:
                    throw new RoutineFormatException(at + ": unknown key '" + key + "'");
            }
        }

        static double number(String value, String at) {
            try {
                double v = Double.parseDouble(value);
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new RoutineFormatException(at + ": '" + value + "' must be a positive number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new RoutineFormatException(at + ": '" + value + "' is not a number");
            }
        }

        Exercise build() {
            try {
                return new Exercise(name, title, how, position, movement, reps, durationS, paceS, targetDeg, minDeg,
                        uprightLimitDeg, cueOut, cueBack);
            } catch (IllegalArgumentException e) {
                throw new RoutineFormatException("exercise at " + where + ": " + e.getMessage());
            }
        }
    }

    /** The names a routine file may use for {@code values}, in their order, for an error message. */
    private static <E> String fileNames(E[] values, java.util.function.Function<E, String> name) {
        return java.util.Arrays.stream(values).map(name).collect(java.util.stream.Collectors.joining(", "));
    }
}
