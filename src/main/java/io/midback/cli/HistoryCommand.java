package io.midback.cli;

import com.google.gson.GsonBuilder;
import io.midback.history.DaySummary;
import io.midback.history.HistoryException;
import io.midback.history.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code midback history}: the days on record, one line each. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists the days on record: date, sessions, minutes worn, upright share of sitting, "
                + "slouched minutes, slump episodes, alerts and breaks.")
public final class HistoryCommand implements Callable<Integer> {
    @Mixin
    HistoryDb db;

    @Option(names = "--json", description = "One JSON array instead of lines.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<DaySummary> days;
        try (HistoryStore store = db.openExisting()) {
            days = store.summaries();
        } catch (HistoryException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DaySummary d : days) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", d.date().toString());
                m.put("sessions", d.sessions());
                m.put("minutesWorn", round1(d.wornS() / 60));
                m.put("uprightPercent", Double.isNaN(d.uprightShare()) ? null : round1(d.uprightShare() * 100));
                m.put("slumpMinutes", round1(d.slumpSeconds() / 60));
                m.put("slumpEpisodes", d.slumpEpisodes());
                m.put("alerts", d.alertCount());
                m.put("breaks", d.breaks());
                m.put("longestSittingMinutes", round1(d.longestSittingS() / 60));
                m.put("postureSeconds", d.postureSeconds());
                rows.add(m);
            }
            out.println(new GsonBuilder().serializeNulls().create().toJson(rows));
        } else {
            if (days.isEmpty()) {
                spec.commandLine().getErr().println("no days on record in " + db.path());
            }
            for (DaySummary d : days) {
                out.println(String.format(Locale.ROOT,
                        "%s  %d session%s  %4.0f min worn  upright %s  slump %4.0f min  %d episode%s  %d alert%s  %d break%s",
                        d.date(), d.sessions(), d.sessions() == 1 ? " " : "s", d.wornS() / 60,
                        Double.isNaN(d.uprightShare()) ? "  – " : String.format(Locale.ROOT, "%3.0f%%",
                                d.uprightShare() * 100),
                        d.slumpSeconds() / 60, d.slumpEpisodes(), d.slumpEpisodes() == 1 ? "" : "s",
                        d.alertCount(), d.alertCount() == 1 ? "" : "s", d.breaks(), d.breaks() == 1 ? "" : "s"));
            }
        }
        out.flush();
        return 0;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
