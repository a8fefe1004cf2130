package io.midback.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks behind the README's speed goals and checks each result against its goal (not against a
 * recorded figure): {@code ./bench goals}. Prints one line per goal and exits 1 when any is missed, so a
 * regression by the goal's margin shows as a failed command. The goals are the README's Performance table.
 */
public final class Goals {

    /** One goal: a benchmark (method and parameters), and the bound its score must meet. */
    private record Goal(String what, String benchmark, String[] params, boolean atLeast, double bound, String unit) {
        boolean met(double score) {
            return atLeast ? score >= bound : score <= bound;
        }
    }

    private static final List<Goal> GOALS = List.of(
            new Goal("decoding Midback frames, 10 samples a frame", "ProtocolBench.midbackSamples",
                    new String[] {"perFrame", "10"}, true, 10e6, "samples/s"),
            new Goal("decoding Midback frames, 40 samples a frame", "ProtocolBench.midbackSamples",
                    new String[] {"perFrame", "40"}, true, 10e6, "samples/s"),
            new Goal("orientation update, 6D with bias estimation", "OrientationBench.update",
                    new String[] {"filter", "midback", "mode", "6d"}, false, 100, "ns"),
            new Goal("posture and alert stages", "PostureBench.engine", new String[0], true, 5e6, "samples/s"),
            new Goal("a full day's report chart, load and draw", "ReportBench.loadAndDrawPng",
                    new String[] {"hours", "24"}, false, 1000, "ms"));

    private Goals() {
    }

    public static void main(String[] args) throws RunnerException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> missed = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Goal g : GOALS) {
            OptionsBuilder b = new OptionsBuilder();
            b.include("io\\.midback\\.bench\\." + g.benchmark().replace(".", "\\.") + "$")
                    .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(1)).forks(1);
            for (int i = 0; i < g.params().length; i += 2) {
                b.param(g.params()[i], g.params()[i + 1]);
            }
            Options o = b.build();
            Collection<RunResult> results = new Runner(o).run();
            if (results.isEmpty()) {
                missed.add(g.what() + ": the benchmark did not run");
                continue;
            }
            double score = results.iterator().next().getPrimaryResult().getScore();
            String line = String.format(Locale.ROOT, "%-48s %14.1f %-9s goal %s %.0f %s: %s", g.what(), score,
                    g.unit(), g.atLeast() ? "≥" : "≤", g.bound(), g.unit(), g.met(score) ? "met" : "MISSED");
            lines.add(line);
            if (!g.met(score)) {
                missed.add(line);
            }
        }
        System.out.println();
        System.out.println("Speed goals (" + iterations + " measured iterations each; load average "
                + loadAverage() + "):");
        lines.forEach(System.out::println);
        if (!missed.isEmpty()) {
            System.out.println(missed.size() + " goal(s) missed");
            System.exit(1);
        }
        System.out.println("every goal met");
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
