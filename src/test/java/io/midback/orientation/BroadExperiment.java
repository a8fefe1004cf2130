package io.midback.orientation;

import io.midback.orientation.eval.BroadMetric;
import io.midback.orientation.eval.OrientationEvaluation;
import io.midback.orientation.eval.Trial;
import io.midback.orientation.eval.TrialReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class BroadExperiment {
    public static void main(String[] args) throws Exception {
        List<Trial> trials = new ArrayList<>();
        try (var s = Files.list(Path.of("/work/shared/data/broad"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList()) {
                trials.add(TrialReader.read(p));
            }
        }
        for (boolean nine : new boolean[] {false, true}) {
            double[] sum = new double[3];
            StringBuilder sb = new StringBuilder();
            for (Trial t : trials) {
                OrientationFilter f = OrientationFilters.create(args.length > 0 ? args[0] : "midback", t.rateHz());
                BroadMetric.Result r = OrientationEvaluation.score(OrientationEvaluation.estimate(f, t, nine), t, nine);
                sum[0] += r.totalDeg(); sum[1] += r.headingDeg(); sum[2] += r.inclinationDeg();
                sb.append(String.format(" %.3f", r.inclinationDeg()));
            }
            System.out.printf("%s total %.4f heading %.4f incl %.4f |%s%n", nine ? "9d" : "6d", sum[0] / 16, sum[1] / 16, sum[2] / 16, sb);
        }
    }
}
