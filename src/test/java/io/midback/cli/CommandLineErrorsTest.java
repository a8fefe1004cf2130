package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One style for errors (issue 16), walked as a table of bad inputs, each run through the real command line as a
 * user runs it: usage errors are one line naming the option and what it accepts, with a pointer to --help and no
 * usage dump, exit 2; run failures are one line naming the place, exit 1; no stack trace and no raw control
 * bytes reach the terminal; a run that ends without doing what was asked is not exit 0.
 */
class CommandLineErrorsTest {
    @TempDir
    static Path dir;

    static Path sample = Path.of("samples", "slump-demo.csv.gz").toAbsolutePath();
    static Path truncatedGz;
    static Path cutLastLine;
    static Path headerOnly;
    static Path binary;
    static Path hugeLine;
    static Path twelveBadLines;
    /** A history holding one mobility check (whose goals `routine` would read and say). */
    static Path mobilityHistory;
    static Path notAHistory;
    /** The sample's first 3000 lines without the gyroscope columns (t_s,ax,ay,az). */
    static Path accelerometerOnly;

    enum Kind {
        /** exit 2, one line on stderr naming the option, pointing to --help */
        USAGE,
        /** exit 1, one line on stderr (warnings before it allowed) */
        FAILURE,
        /** exit 0 */
        OK
    }

    record Case(String name, Kind kind, String[] args, String errMustContain, Predicate<Run> also) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Run(int code, String out, String err) {
        JsonObject json() {
            List<String> lines = out.strip().lines().toList();
            return JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        }
    }

    @BeforeAll
    static void files() throws IOException {
        mobilityHistory = dir.resolve("mobility.db");
        try (io.midback.history.HistoryStore store = io.midback.history.HistoryStore.open(mobilityHistory)) {
            store.saveMobilityCheck(RoutineCommandTest.check(java.time.Instant.parse("2026-11-27T09:00:00Z"), 32,
                    50));
        }
        byte[] gz = Files.readAllBytes(sample);
        truncatedGz = dir.resolve("half.csv.gz");
        Files.write(truncatedGz, Arrays.copyOf(gz, gz.length / 2));
        String csv;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(sample))) {
            csv = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        cutLastLine = dir.resolve("cut.csv");
        int cut = csv.indexOf('\n', csv.length() / 3) + 12; // a dozen bytes into a line
        Files.writeString(cutLastLine, csv.substring(0, cut));
        headerOnly = dir.resolve("header-only.csv");
        Files.writeString(headerOnly, csv.substring(0, csv.indexOf("t_s,")) + "t_s,gx,gy,gz,ax,ay,az\n");
        binary = dir.resolve("capture.csv");
        byte[] noise = new byte[4096];
        new Random(16).nextBytes(noise);
        noise[10] = 0x1b; // ESC
        Files.write(binary, noise);
        List<String> lines = new ArrayList<>(csv.lines().limit(3000).toList());
        accelerometerOnly = dir.resolve("accelerometer-only.csv");
        Files.write(accelerometerOnly, lines.stream().map(l -> {
            if (l.startsWith("#")) {
                return l;
            }
            String[] f = l.split(",");
            return String.join(",", f[0], f[4], f[5], f[6]);
        }).toList());
        int firstData = lines.indexOf("t_s,gx,gy,gz,ax,ay,az") + 1;
        hugeLine = dir.resolve("huge.csv");
        List<String> withHuge = new ArrayList<>(lines);
        withHuge.add(firstData + 500, "9".repeat(3 << 20));
        Files.write(hugeLine, withHuge);
        twelveBadLines = dir.resolve("twelve-bad.csv");
        List<String> withBad = new ArrayList<>(lines);
        for (int i = 0; i < 12; i++) {
            withBad.set(firstData + 100 + 10 * i, "x,1,2");
        }
        Files.write(twelveBadLines, withBad);
        notAHistory = dir.resolve("not-a-history.csv");
        Files.writeString(notAHistory, "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,1\n");
    }

    static Stream<Case> cases() {
        String s = sample.toString();
        return Stream.of(
                new Case("bad posture option: one line, no usage dump", Kind.USAGE,
                        new String[] {"replay", s, "--slump-threshold", "99"}, "--slump-threshold", r -> true),
                new Case("--rate 0 says what it accepts", Kind.USAGE,
                        new String[] {"replay", s, "--rate", "0"}, "--rate",
                        r -> !r.err().contains("between 0 and") && r.err().contains("above 0")),
                new Case("unknown preset", Kind.USAGE, new String[] {"replay", s, "--preset", "lax"}, "--preset",
                        r -> r.err().contains("gentle")),
                new Case("unknown option", Kind.USAGE, new String[] {"replay", s, "--jsn"}, "--jsn", r -> true),
                new Case("missing file parameter", Kind.USAGE, new String[] {"replay"}, "FILE", r -> true),
                new Case("replay --db without --save-history would save nothing: said, not ignored", Kind.USAGE,
                        new String[] {"replay", s, "--db", dir.resolve("h2.db").toString()}, "--save-history",
                        r -> !Files.exists(dir.resolve("h2.db"))),
                new Case("mobility --record onto the recording it replays: refused, the recording kept", Kind.USAGE,
                        new String[] {"mobility", "--replay", cutLastLine.toString(), "--record",
                                cutLastLine.toString(), "--speed", "max", "--no-history"}, "the recording replayed",
                        r -> lineCount(cutLastLine) > 1000),
                new Case("simulate --lower-out onto --out: refused", Kind.USAGE,
                        new String[] {"simulate", "slump-demo", "--out", dir.resolve("pair.csv").toString(),
                                "--lower-out", dir.resolve("pair.csv").toString()}, "--lower-out",
                        r -> !Files.exists(dir.resolve("pair.csv"))),
                new Case("mobility --analyse of an accelerometer-only recording: a gyroscope is needed", Kind.FAILURE,
                        new String[] {"mobility", "--analyse", accelerometerOnly.toString()}, "no gyroscope columns",
                        r -> r.out().isBlank()),
                new Case("routine --analyse of an accelerometer-only recording: a gyroscope is needed", Kind.FAILURE,
                        new String[] {"routine", "--analyse", accelerometerOnly.toString()}, "no gyroscope columns",
                        r -> r.out().isBlank()),
                new Case("mobility --analyse of a folder says so", Kind.FAILURE,
                        new String[] {"mobility", "--analyse", dir.toString()}, "a folder, not a recording",
                        r -> true),
                new Case("routine without a sensor: one line, before the history's goals", Kind.USAGE,
                        new String[] {"routine", "--db", mobilityHistory.toString()}, "--port PORT or --bt DEVICE",
                        r -> !r.err().contains("goals")),
                new Case("replay --save-history-again alone", Kind.USAGE,
                        new String[] {"replay", s, "--save-history-again"}, "--save-history-again", r -> true),
                new Case("not a number", Kind.USAGE, new String[] {"replay", s, "--calibrate-at", "abc"},
                        "--calibrate-at", r -> r.err().contains("'abc' is not a number")),
                new Case("a whole number wanted", Kind.USAGE, new String[] {"simulate", "slump-demo", "--seed", "x",
                        "--out", dir.resolve("seed.csv").toString()}, "'x' is not a number",
                        r -> !r.err().contains("long")),
                new Case("two sensors given at once", Kind.USAGE, new String[] {"breathe", "--port", "/tmp/a", "--bt",
                        "b"}, "are mutually exclusive: give only one", r -> !r.err().contains("Error:")),
                new Case("gui --speed abc", Kind.USAGE, new String[] {"gui", "--speed", "abc"}, "--speed",
                        r -> true),
                new Case("gui --theme purple", Kind.USAGE, new String[] {"gui", "--theme", "purple"}, "--theme",
                        r -> r.err().contains("light")),
                new Case("report --threshold out of range", Kind.USAGE,
                        new String[] {"report", "--threshold", "-3", "--out", dir.resolve("t.png").toString()},
                        "--threshold -3: give degrees from 1 to 60", r -> !Files.exists(dir.resolve("t.png"))),
                new Case("report with a bad day", Kind.USAGE,
                        new String[] {"report", "--day", "2024-13-01", "--out", dir.resolve("r.png").toString()},
                        "--day", r -> true),
                new Case("--break-after 0 is off", Kind.OK,
                        new String[] {"replay", s, "--break-after", "0", "--json", "--quiet"}, "",
                        r -> r.json().getAsJsonArray("alerts").asList().stream().noneMatch(a ->
                                a.getAsJsonObject().get("kind").getAsString().equals("break"))),
                new Case("missing file", Kind.FAILURE, new String[] {"replay", dir.resolve("nope.csv").toString()},
                        "nope.csv", r -> true),
                new Case("truncated .gz: summary of what was read, marked incomplete", Kind.FAILURE,
                        new String[] {"replay", truncatedGz.toString(), "--json", "--quiet"}, "half.csv.gz",
                        r -> !r.json().get("complete").getAsBoolean() && r.json().get("samples").getAsLong() > 1000),
                new Case("truncated .gz, for people", Kind.FAILURE,
                        new String[] {"replay", truncatedGz.toString(), "--quiet"}, "half.csv.gz",
                        r -> r.out().contains("incomplete") && r.out().contains("samples")),
                new Case("last line cut short: dropped with a warning", Kind.OK,
                        new String[] {"replay", cutLastLine.toString(), "--json", "--quiet"}, "cut.csv",
                        r -> r.json().get("samples").getAsLong() > 1000 && r.json().get("lastLineCut").getAsBoolean()),
                new Case("header-only CSV", Kind.FAILURE, new String[] {"replay", headerOnly.toString()},
                        "no samples", r -> true),
                new Case("binary file as CSV: no raw bytes", Kind.FAILURE,
                        new String[] {"replay", binary.toString()}, "capture.csv",
                        r -> r.err().length() < 400),
                new Case("a line over 2 MiB is skipped with --skip-bad-lines", Kind.OK,
                        new String[] {"replay", hugeLine.toString(), "--skip-bad-lines", "--json", "--quiet"},
                        "line", r -> r.json().get("badLinesSkipped").getAsInt() == 1
                        && r.json().get("samples").getAsLong() > 2000),
                new Case("a line over 2 MiB without --skip-bad-lines", Kind.FAILURE,
                        new String[] {"replay", hugeLine.toString(), "--quiet"}, "huge.csv:", r -> true),
                new Case("skipped lines counted in the human summary", Kind.OK,
                        new String[] {"replay", twelveBadLines.toString(), "--skip-bad-lines", "--quiet"}, "",
                        r -> r.out().contains("12 bad lines skipped")),
                new Case("--calibrate-at past the end", Kind.FAILURE,
                        new String[] {"replay", s, "--calibrate-at", "99999", "--quiet"}, "--calibrate-at",
                        r -> true),
                new Case("report to an unwritable .png", Kind.FAILURE,
                        new String[] {"report", "--db", dir.resolve("h.db").toString(), "--out", "/proc/x.png"},
                        "/proc/x.png", r -> true),
                new Case("report to an unwritable .svg names the reason", Kind.FAILURE,
                        new String[] {"report", "--db", dir.resolve("h.db").toString(), "--out", "/proc/x.svg"},
                        "/proc/x.svg: ", r -> !r.err().strip().endsWith("/proc/x.svg: /proc/x.svg")),
                new Case("live --record under a file names the file and why, before connecting", Kind.FAILURE,
                        new String[] {"live", "--port", dir.resolve("no-such-port").toString(), "--record",
                                sample.resolve("day.csv").toString(), "--no-history"},
                        "cannot record to " + sample.resolve("day.csv") + ": " + sample
                                + " is a file, where a folder is needed", r -> !r.err().contains("no-such-port")),
                new Case("mobility --db a file that is no history: said before the check, not after it",
                        Kind.FAILURE, new String[] {"mobility", "--simulate", "--speed", "max", "--db",
                            notAHistory.toString()}, "cannot open the history " + notAHistory,
                        r -> r.out().isEmpty() && !r.err().contains("guided check")),
                new Case("breathe on a missing port: its lines under its own name", Kind.FAILURE,
                        new String[] {"breathe", "--port", dir.resolve("no-such-port").toString(), "--no-history"},
                        "midback breathe: serial port " + dir.resolve("no-such-port"),
                        r -> !r.err().contains("midback live")),
                new Case("history --mobility --json: one JSON array, one object per check", Kind.OK,
                        new String[] {"history", "--mobility", "--json", "--db", mobilityHistory.toString()}, "",
                        r -> {
                            com.google.gson.JsonArray a = JsonParser.parseString(r.out().strip()).getAsJsonArray();
                            JsonObject c = a.get(0).getAsJsonObject();
                            JsonObject left = c.getAsJsonObject("directions").getAsJsonObject("rotationLeft");
                            return a.size() == 1 && c.get("id").getAsLong() == 1
                                    && c.get("start").getAsString().equals("2026-11-27T09:00:00Z")
                                    && c.get("ended").getAsString().equals("done")
                                    && left.get("romDeg").getAsDouble() == 32 && left.get("reps").getAsInt() == 3;
                        }),
                new Case("history --sessions --mobility: one or the other, not sessions alone", Kind.USAGE,
                        new String[] {"history", "--sessions", "--mobility", "--db", mobilityHistory.toString()},
                        "--sessions and --mobility", r -> r.out().isEmpty()),
                new Case("mobility --analyse --speed: the guided check's option, refused", Kind.USAGE,
                        new String[] {"mobility", "--analyse", s, "--speed", "3", "--no-history"},
                        "--speed goes with --simulate or --replay", r -> r.out().isEmpty()),
                new Case("mobility --analyse --seed: the simulated check's option, refused", Kind.USAGE,
                        new String[] {"mobility", "--analyse", s, "--seed", "5", "--no-history"},
                        "--seed goes with --simulate", r -> r.out().isEmpty()),
                new Case("mobility --analyse --record: nothing to record, refused", Kind.USAGE,
                        new String[] {"mobility", "--analyse", s, "--record", dir.resolve("rec.csv").toString(),
                            "--no-history"}, "--record goes with the guided check",
                        r -> !Files.exists(dir.resolve("rec.csv"))),
                new Case("mobility --analyse --start without --save-history: refused", Kind.USAGE,
                        new String[] {"mobility", "--analyse", s, "--start", "2026-11-27T09:00:00", "--no-history"},
                        "--start goes with --simulate, or with --analyse --save-history", r -> r.out().isEmpty()),
                new Case("routine --analyse --port --record --duration: live options, refused", Kind.USAGE,
                        new String[] {"routine", "--analyse", s, "--port", dir.resolve("x").toString(), "--record",
                            dir.resolve("zz.csv").toString(), "--duration", "5"},
                        "--port goes with a live routine", r -> !Files.exists(dir.resolve("zz.csv"))),
                new Case("routine --analyse --duration: a live option, refused", Kind.USAGE,
                        new String[] {"routine", "--analyse", s, "--duration", "5", "--json"},
                        "--duration goes with a live routine", r -> r.out().isEmpty()),
                new Case("simulate --out --site sacrum: --site places a virtual sensor, refused", Kind.USAGE,
                        new String[] {"simulate", "slump-demo", "--out", dir.resolve("u.csv").toString(), "--site",
                            "sacrum"}, "--site goes with --serve-serial or --serve-bluetooth",
                        r -> !Files.exists(dir.resolve("u.csv"))),
                new Case("simulate --lower-start without --lower-out: refused", Kind.USAGE,
                        new String[] {"simulate", "slump-demo", "--out", dir.resolve("u2.csv").toString(),
                            "--lower-start", "10"}, "--lower-start goes with --lower-out",
                        r -> !Files.exists(dir.resolve("u2.csv"))),
                new Case("simulate --serve-serial --lower-out: nothing would write it, refused", Kind.USAGE,
                        new String[] {"simulate", "slump-demo", "--serve-serial", dir.resolve("no-port").toString(),
                            "--lower-out", dir.resolve("low.csv").toString()}, "--lower-out goes with --out",
                        r -> true),
                new Case("mobility --analyse --save-history-again without --save-history", Kind.USAGE,
                        new String[] {"mobility", "--analyse", s, "--save-history-again"},
                        "--save-history-again goes with --save-history", r -> r.out().isEmpty()),
                new Case("routine on a missing port: its lines under its own name", Kind.FAILURE,
                        new String[] {"routine", "--port", dir.resolve("no-such-port").toString(), "--routine", "desk",
                            "--no-history"},
                        "midback routine: serial port " + dir.resolve("no-such-port"),
                        r -> !r.err().contains("midback live")));
    }

    private static long lineCount(Path f) {
        try (var lines = Files.lines(f, StandardCharsets.US_ASCII)) {
            return lines.count();
        } catch (IOException e) {
            return -1;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGetsOneClearLineAndTheRightExitCode(Case c) throws IOException {
        if (c.name().startsWith("report to")) {
            historyWithADay(dir.resolve("h.db"));
        }
        Run r = run(c.args());
        String all = r.out() + r.err();
        System.out.printf("%-60s exit %d  %s%n", c.name(), r.code(), r.err().strip().replace('\n', '|'));
        assertFalse(all.contains("\tat ") || all.matches("(?s).*\\b\\w+(\\.\\w+)+Exception\\b.*"),
                "a stack trace or exception name reached the user:\n" + r);
        assertFalse(all.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t'),
                "raw control bytes reached the terminal:\n" + r);
        assertFalse(all.contains("Usage:"), "a usage dump:\n" + r);
        List<String> errLines = r.err().lines().filter(l -> !l.isBlank()).toList();
        switch (c.kind()) {
            case USAGE -> {
                assertEquals(2, r.code(), r.toString());
                assertEquals(1, errLines.size(), "one line:\n" + r);
                assertTrue(errLines.get(0).contains(c.errMustContain()), r.toString());
                assertTrue(errLines.get(0).contains("--help"), "points to --help:\n" + r);
            }
            case FAILURE -> {
                assertEquals(1, r.code(), r.toString());
                String last = errLines.isEmpty() ? "" : errLines.get(errLines.size() - 1);
                assertTrue(last.startsWith("midback "), "ends with the error line:\n" + r);
                assertTrue(last.contains(c.errMustContain()), r.toString());
            }
            case OK -> {
                assertEquals(0, r.code(), r.toString());
                assertTrue(r.err().contains(c.errMustContain()), r.toString());
            }
        }
        assertTrue(c.also().test(r), c.name() + ":\n" + r);
    }

    /** Runs the command line in this JVM, catching everything written to the terminal. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = MidbackCommand.commandLine();
            cl.setOut(new PrintWriter(System.out, true));
            cl.setErr(new PrintWriter(System.err, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A history with one day in it, from the bundled sample. */
    static void historyWithADay(Path db) {
        if (!Files.exists(db)) {
            Run r = run("replay", sample.toString(), "--save-history", "--db", db.toString(), "--quiet");
            assertEquals(0, r.code(), r.toString());
        }
    }
}
