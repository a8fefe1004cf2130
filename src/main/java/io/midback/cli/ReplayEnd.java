package io.midback.cli;

import io.midback.alert.SessionSummary;
import io.midback.recording.ReadReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a replay ends for the user. A read that stops early (a truncated {@code .gz}, a malformed line) still
 * shows the summary of what was read, marked incomplete ({@code "complete": false} in the JSON), and then fails; so do a
 * file with no samples and a {@code --calibrate-at} the recording never reaches. Lines skipped, samples dropped
 * and a cut last line are counted in the summary people read, not only in the JSON.
 */
final class ReplayEnd {
    private static final int WARNINGS_SHOWN = 10;

    private final Path file;
    private String readFailure;
    private ReadReport read;

    ReplayEnd(Path file) {
        this.file = file;
    }

    /** The read stopped with this message (naming the file and line); what came before it went through. */
    void readFailed(String message) {
        readFailure = message;
    }

    /** What the CSV reader found besides the samples (after a failure too). */
    void csvRead(ReadReport report) {
        read = report;
    }

    boolean complete() {
        return readFailure == null;
    }

    /** The reader's warnings, the first ten, then how many more there were. */
    void printWarnings(PrintWriter err) {
        if (read == null) {
            return;
        }
        read.problems().forEach(p -> err.println("warning: " + p));
        long all = read.badLinesSkipped() + read.backwardSteps() + read.nanSamples() + read.gaps()
                + (read.lastLineCut() ? 1 : 0);
        if (all > read.problems().size() && read.problems().size() >= WARNINGS_SHOWN) {
            err.println("warning: " + file + ": … and " + (all - read.problems().size())
                    + " more like these (counted in the summary)");
        }
    }

    /** After the human summary: what was skipped or dropped, and whether the read was complete. */
    void printHuman(PrintWriter out) {
        if (read != null) {
            count(out, read.badLinesSkipped(), "bad line", "bad lines", "skipped (--skip-bad-lines)");
            count(out, read.backwardSteps(), "sample", "samples", "dropped: time did not advance");
            count(out, read.nanSamples(), "sample", "samples", "dropped: a value was not a number");
            if (read.lastLineCut()) {
                out.println("the last line was cut short (a recording stopped mid-write) and dropped");
            }
        }
        if (!complete()) {
            out.println("incomplete: the read stopped early; this sums up only what came before it (see the error below)");
        }
    }

    private static void count(PrintWriter out, long n, String one, String many, String what) {
        if (n > 0) {
            out.printf(Locale.ROOT, "%d %s %s%n", n, n == 1 ? one : many, what);
        }
    }

    /**
     * Fails (after the summary is out) when the replay did not do what was asked: the read stopped early, there
     * were no samples, or the neutral pose asked for with {@code --calibrate-at} lies past the end.
     */
    void finish(SessionSummary summary, double calibrateAtS) {
        if (readFailure != null) {
            throw new UserException(readFailure);
        }
        if (summary.samples() == 0) {
            throw new UserException(file + ": no samples in it" + (read != null ? " (only "
                    + (read.dataLines() == 0 ? "the header" : "lines that were dropped, see the warnings") + ")"
                    : "") + ": nothing to replay");
        }
        if (!Double.isNaN(calibrateAtS) && summary.calibration() == null) {
            throw new UserException(String.format(Locale.ROOT, "--calibrate-at %s: the recording ends at %.1f s, "
                    + "before a still 3 s from there; nothing was calibrated, so there are no posture angles "
                    + "(give a time within the recording)", SessionConsole.number(calibrateAtS), summary.durationS()));
        }
    }
}
