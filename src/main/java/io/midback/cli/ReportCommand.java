package io.midback.cli;

import io.midback.history.DayData;
import io.midback.history.HistoryException;
import io.midback.history.HistoryStore;
import io.midback.report.Reports;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code midback report}: a day's or a week's posture report as HTML, PNG, SVG or CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the posture report of a day (default: the last day on record) or of an ISO week.",
                "The format follows --out: .html (charts inline), .png, .svg (the charts), .csv (the aggregates: "
                        + "per minute for a day, per day for a week)."})
public final class ReportCommand implements Callable<Integer> {
    static final class Period {
        @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The local day to report.")
        String day;
        @Option(names = "--week", paramLabel = "YYYY-Www", description = "The ISO week to report, e.g. 2024-W14.")
        String week;
        @Option(names = "--mobility", description = "The mobility checks: each direction's range over the checks "
                + "beside the published norms.")
        boolean mobility;
    }

    @ArgGroup(exclusive = true)
    Period period;

    @Mixin
    HistoryDb db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.html, .png, .svg or .csv")
    Path out;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1200",
            description = "Width of the charts in pixels (default ${DEFAULT-VALUE}).")
    int widthPx;

    @Option(names = "--threshold", paramLabel = "DEG",
            description = "Slump threshold to draw (default: the sessions' own, else 20°).")
    Double thresholdDeg;

    @Override
    public Integer call() {
        String wrongThreshold = thresholdDeg == null ? null
                : PostureOptions.thresholdProblem("--threshold", thresholdDeg);
        if (wrongThreshold != null) {
            throw UserException.usage(wrongThreshold);
        }
        if (period != null && period.mobility) {
            return MobilityCommand.report(db, out, widthPx);
        }
        if (Reports.Format.of(out) == null) {
            throw new UserException("--out " + out + ": name the file .html, .png, .svg or .csv", 2, null);
        }
        if (widthPx < 300 || widthPx > 10_000) {
            throw new UserException("--width " + widthPx + ": give 300 to 10000 pixels", 2, null);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserException("--out " + out + ": the folder " + parent + " does not exist");
        }
        LocalDate monday = period != null && period.week != null ? parseWeek(period.week) : null;
        LocalDate askedDay = period != null && period.day != null ? parseDay(period.day) : null;
        try (HistoryStore store = db.openExisting()) {
            if (monday != null) {
                if (!Reports.writeWeek(store, monday, widthPx, out)) {
                    throw new UserException("no history in week " + period.week + " (" + monday + " to "
                            + monday.plusDays(6) + ") in " + store.path() + onRecord(store));
                }
            } else {
                LocalDate date;
                if (askedDay != null) {
                    date = askedDay;
                } else {
                    List<LocalDate> days = store.days();
                    if (days.isEmpty()) {
                        throw new UserException("the history " + store.path() + " has no days yet");
                    }
                    date = days.get(days.size() - 1);
                }
                DayData day = store.day(date);
                if (day.minutes().isEmpty()) {
                    throw new UserException("no history on " + date + " in " + store.path() + onRecord(store));
                }
                Reports.writeDay(day, thresholdDeg == null ? Double.NaN : thresholdDeg, widthPx, out);
            }
        } catch (HistoryException e) {
            throw new UserException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + UserException.reason(e), e);
        }
        System.err.println("wrote " + out);
        return 0;
    }

    private static String onRecord(HistoryStore store) {
        List<LocalDate> days = store.days();
        return days.isEmpty() ? " (it has no days yet)"
                : " (days on record: " + days.get(0) + " to " + days.get(days.size() - 1) + ")";
    }

    static LocalDate parseDay(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new UserException("--day " + s + ": give a date like 2024-03-12", 2, e);
        }
    }

    /** The Monday of an ISO week like 2024-W14. */
    static LocalDate parseWeek(String s) {
        try {
            return LocalDate.parse(s + "-1", DateTimeFormatter.ISO_WEEK_DATE);
        } catch (DateTimeParseException e) {
            throw new UserException("--week " + s + ": give an ISO week like 2024-W14", 2, e);
        }
    }
}
