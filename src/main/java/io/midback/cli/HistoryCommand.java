package io.midback.cli;

import com.google.gson.GsonBuilder;
import io.midback.history.DaySummary;
import io.midback.report.Reports;
import io.midback.history.HistoryException;
import io.midback.history.HistoryStore;
import io.midback.history.SessionRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code midback history}: the days on record, one line each. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Lists the days on record: date, sessions, minutes worn, upright share of sitting, "
                + "slouched minutes, slump episodes, alerts and breaks.",
                "--sessions lists the sessions with their IDs; 'history delete' removes a session or a day."},
        subcommands = HistoryCommand.Delete.class)
public final class HistoryCommand implements Callable<Integer> {
    @Mixin
    HistoryDb db;

    @Option(names = "--json", description = "One JSON array instead of lines (with --sessions, one object per "
            + "session; with --mobility, one per check).")
    boolean json;

    @Option(names = "--sessions", description = "One line per session (ID, start, end, minutes, source) instead "
            + "of one per day.")
    boolean sessions;

    @Option(names = "--mobility", description = "One line per mobility check (ID, when, how it ended, every "
            + "direction's range and repetitions) instead of one per day.")
    boolean mobility;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (sessions && mobility) {
            throw UserException.usage("--sessions and --mobility: give one or the other (one line per session, "
                    + "or one per mobility check)");
        }
        if (sessions) {
            return listSessions();
        }
        if (mobility) {
            return MobilityCommand.listChecks(db, json, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
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
                m.put("spineMinutes", d.spineMinutes());
                m.put("spineFlexionP50Deg", d.spineMinutes() == 0 ? null : round1(d.spineFlexionP50Deg()));
                m.put("pelvicTiltMeanDeg", Double.isNaN(d.pelvicTiltMeanDeg()) ? null
                        : round1(d.pelvicTiltMeanDeg()));
                Map<String, Double> seconds = new LinkedHashMap<>();
                d.postureSeconds().forEach((state, v) -> seconds.put(state, Math.round(v * 100) / 100.0));
                m.put("postureSeconds", seconds); // to the hundredth, as replay's summary gives them
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
                        d.alertCount(), d.alertCount() == 1 ? "" : "s", d.breaks(), d.breaks() == 1 ? "" : "s")
                        + (d.spineMinutes() > 0 ? "  spine " + Reports.spine(d) : ""));
            }
        }
        out.flush();
        return 0;
    }

    private int listSessions() {
        List<SessionRow> rows;
        try (HistoryStore store = db.openExisting()) {
            rows = store.sessions();
        } catch (HistoryException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (SessionRow r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("start", r.start().toString());
                m.put("end", r.end() == null ? null : r.end().toString());
                m.put("device", r.device());
                m.put("source", r.source());
                list.add(m);
            }
            out.println(new GsonBuilder().serializeNulls().create().toJson(list));
        } else {
            if (rows.isEmpty()) {
                spec.commandLine().getErr().println("no sessions on record in " + db.path());
            }
            rows.forEach(r -> out.println(r.describe()));
        }
        out.flush();
        return 0;
    }

    /** {@code midback history delete --session ID | --day DATE --yes}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Deletes a session (by its ID, from 'midback history --sessions') or everything on a "
                    + "day from the history.",
                    "Without --yes it only shows what would be deleted."})
    static final class Delete implements Callable<Integer> {
        static final class Target {
            @Option(names = "--session", paramLabel = "ID", description = "The session to delete.")
            Long sessionId;
            @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The local day to delete.")
            String day;
        }

        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--yes", description = "Delete for real (there is no undo; 'midback export' makes a copy).")
        boolean yes;

        @Mixin
        HistoryDb db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LocalDate date = target.day == null ? null : ReportCommand.parseDay(target.day);
            PrintWriter out = spec.commandLine().getOut();
            try (HistoryStore store = HistoryStore.open(db.pathOfExisting())) {
                String what;
                if (date == null) {
                    SessionRow row = store.sessions().stream().filter(r -> r.id() == target.sessionId).findFirst()
                            .orElseThrow(() -> new UserException("--session " + target.sessionId + ": no such "
                                    + "session in " + store.path() + " ('midback history --sessions' lists them)"));
                    what = "session " + row.describe();
                    if (yes) {
                        store.deleteSession(row.id());
                    }
                } else {
                    long checks = store.mobilityChecks().stream().filter(c -> c.localDate().equals(date)).count();
                    if (!store.days().contains(date) && checks == 0) {
                        throw new UserException("--day " + date + ": nothing on record that day in " + store.path());
                    }
                    what = "everything on " + date + " (" + store.day(date).sessions().size() + " session(s)"
                            + (checks > 0 ? ", " + checks + " mobility check(s))" : ")");
                    if (yes) {
                        store.deleteDay(date);
                    }
                }
                if (!yes) {
                    out.println("would delete " + what);
                    out.flush();
                    throw UserException.usage("nothing deleted: add --yes to delete " + what.split(" \\(")[0]);
                }
                out.println("deleted " + what);
                out.flush();
            } catch (HistoryException e) {
                throw new UserException(e.getMessage(), e);
            }
            return 0;
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
