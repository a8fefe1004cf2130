package io.midback.cli;

import com.google.gson.JsonObject;
import io.midback.alert.Alert;
import io.midback.alert.AlertListener;
import io.midback.alert.SessionSummary;
import io.midback.app.SessionBuilder;
import io.midback.app.SummaryJson;
import io.midback.breathing.BreathRateEstimator;
import io.midback.breathing.BreathingReport;
import io.midback.breathing.BreathingTally;
import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureState;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code replay} and {@code live} print about a session: alert and posture-state lines on stderr as they
 * happen, and at the end the summary (human-readable, or one JSON object with extra fields).
 */
final class SessionConsole {
    private SessionConsole() {
    }

    /**
     * Session time {@code H:MM:SS}, to the second as the reports show it
     * ({@link io.midback.report.Reports#nearestSecond}).
     */
    static String clock(double s) {
        long t = io.midback.report.Reports.nearestSecond(s);
        return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
    }

    /** The summary as one JSON line, with {@code extra}'s fields appended. */
    static String json(SessionSummary summary, JsonObject extra) {
        return SummaryJson.line(summary, extra);
    }

    /** A number as a person writes it: 100, not 100.0. */
    static String number(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static void printHuman(PrintStream out, SessionSummary s) {
        PrintWriter w = new PrintWriter(out, true);
        printHuman(w, s);
        w.flush();
    }

    /**
     * What the session as a whole gives besides the posture summary: the median breathing rate while still, and
     * for a sensor without a gyroscope how its angles were found and what is unavailable.
     */
    static void printSession(PrintWriter out, SessionBuilder session) {
        BreathingReport r = session.breathingReport();
        if (r.ratePerMin() == null) {
            out.println(r.validS() > 0
                    ? String.format(Locale.ROOT, "breathing: no rate (still enough to measure for only %.0f s; %d s "
                            + "needed)", r.validS(), BreathingTally.MIN_VALID_S_PER_MINUTE)
                    : "breathing: no rate (no still stretch long enough)");
        } else {
            out.printf(Locale.ROOT, "breathing: %.1f breaths/min (median over %.0f s still)%n", r.ratePerMin(),
                    r.validS());
        }
        if (session.spineSummary() != null) {
            session.spineSummary().printHuman(out);
        }
        if (session.spec().accelerometerOnly()) {
            out.println("accelerometer only: " + SummaryJson.ACCELEROMETER_ONLY_ANGLES + "; unavailable: "
                    + String.join(", ", SummaryJson.ACCELEROMETER_ONLY_UNAVAILABLE));
        }
        out.flush();
    }

    static void printHuman(PrintWriter out, SessionSummary s) {
        out.printf(Locale.ROOT, "%d samples, %.1f min%n", s.samples(), s.durationS() / 60);
        for (PostureState st : PostureState.values()) {
            double sec = s.secondsIn(st);
            if (sec > 0) {
                out.printf(Locale.ROOT, "  %-17s %8.1f min%n", st.label(), sec / 60);
            }
        }
        out.printf(Locale.ROOT, "slump episodes: %d%n", s.episodes().size());
        s.episodes().forEach(e -> out.printf(Locale.ROOT, "  %s – %s  peak %.1f°%n", clock(e.startS()),
                clock(e.endS()), e.peakFlexionDeg()));
        out.printf(Locale.ROOT, "alerts: %d%n", s.alerts().size());
        s.alerts().forEach(a -> out.printf(Locale.ROOT, "  %s  %s%n", clock(a.atS()), a.kind().label()));
        out.flush();
    }

    /**
     * Alert and calibration lines on stderr as they happen, each stamped with the session time at which it is
     * printed, so that the lines of a session are in time order. A calibration says what it set: the upright
     * posture (and from which stretch), or the sensor's mounting from the forward lean.
     */
    static final class ConsoleAlerts implements AlertListener, PostureListener {
        private final PrintWriter err;
        private Calibration pending;
        private double[] lastNeutral;

        ConsoleAlerts(PrintStream err) {
            this(new PrintWriter(err, true));
        }

        ConsoleAlerts(PrintWriter err) {
            this.err = err;
        }

        /** Adds the lines to a session (alerts as they come, calibrations at the sample that made them). */
        static void addTo(SessionBuilder session, PrintWriter err) {
            ConsoleAlerts a = new ConsoleAlerts(err);
            session.addAlertListener(a);
            session.addPostureListener(a);
        }

        @Override
        public void onAlert(Alert a) {
            line("[" + clock(a.atS()) + "] " + a.kind().label() + ": " + a.message());
        }

        @Override
        public void onCalibration(Calibration c) {
            pending = c; // told within the sample's posture update: printed with that sample's time
        }

        @Override
        public void onPosture(PostureFrame f) {
            Calibration c = pending;
            if (c == null) {
                return;
            }
            pending = null;
            String at = "[" + clock(f.tS) + "] ";
            line(at + "calibrated: " + describe(c, lastNeutral));
            lastNeutral = c.neutral();
            for (String w : c.warnings()) {
                line(at + "calibration warning: " + w);
            }
        }

        /** What a calibration set, in words; {@code previousNeutral} is the upright pose already told, or null. */
        static String describe(Calibration c, double[] previousNeutral) {
            String upright = String.format(Locale.ROOT, "upright posture from %s (%s)", stretch(c.source()),
                    clock(c.atS()));
            if (Double.isNaN(c.leanDeg())) {
                return upright;
            }
            String mounting = c.mountingSource().equals("forward-lean")
                    ? String.format(Locale.ROOT, "sensor mounting from the forward lean (%.0f°)", c.leanDeg())
                    : "no forward lean found, default sensor mounting kept";
            return java.util.Arrays.equals(c.neutral(), previousNeutral) ? mounting : upright + "; " + mounting;
        }

        private static String stretch(String source) {
            return switch (source) {
                case "first-still" -> "the first still stretch";
                case "calibrate-at" -> "the time given (--calibrate-at)";
                case "requested" -> "a recalibration";
                case "restored" -> "the stored calibration";
                default -> source;
            };
        }

        private void line(String s) {
            synchronized (err) {
                err.println(s);
                err.flush();
            }
        }
    }

    /**
     * A line on stderr each time the posture state changes and holds for {@code holdS} seconds (so a state that
     * flickers for a few samples is not printed), stamped with the time it is printed and saying since when
     * ({@code [0:00:05] posture: upright since 0:00:03 (flexion 2°)}), so that the lines stay in time order. Per
     * sample it only compares; it prints on changes.
     */
    static final class StateChanges implements PostureListener {
        private final PrintWriter err;
        private final double holdS;
        private PostureState shown;
        private PostureState candidate;
        private double candidateSinceS;
        private double flexionAtChangeDeg;

        StateChanges(PrintWriter err, double holdS) {
            this.err = err;
            this.holdS = holdS;
        }

        @Override
        public void onPosture(PostureFrame f) {
            PostureState s = f.state;
            if (s == shown) {
                candidate = null;
                return;
            }
            if (s != candidate) {
                candidate = s;
                candidateSinceS = f.tS;
                flexionAtChangeDeg = f.flexionDeg;
            }
            if (f.tS - candidateSinceS >= holdS) {
                shown = s;
                candidate = null;
                String line = String.format(Locale.ROOT, "[%s] posture: %s since %s (flexion %d°)",
                        clock(f.tS), s.label(), clock(candidateSinceS), Math.round(flexionAtChangeDeg));
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            }
        }
    }

    /**
     * The breathing rate on stderr as it goes: looked at every {@value #BREATHING_EVERY_S} s of session time, a
     * line when a rate appears, changes by half a breath a minute or more, or goes (moving).
     */
    static final class BreathingLines implements PostureListener {
        static final double BREATHING_EVERY_S = 30;
        private final PrintWriter err;
        private final BreathRateEstimator breathing;
        private double nextS = BREATHING_EVERY_S;
        private double shownRatePerMin = Double.NaN;

        BreathingLines(PrintWriter err, BreathRateEstimator breathing) {
            this.err = err;
            this.breathing = breathing;
        }

        @Override
        public void onPosture(PostureFrame f) {
            if (f.tS < nextS) {
                return;
            }
            nextS = f.tS + BREATHING_EVERY_S;
            double rate = breathing.ratePerMin();
            boolean changed = Double.isNaN(rate) ? !Double.isNaN(shownRatePerMin)
                    : Double.isNaN(shownRatePerMin) || Math.abs(rate - shownRatePerMin) >= 0.5;
            if (!changed) {
                return;
            }
            shownRatePerMin = rate;
            String line = Double.isNaN(rate)
                    ? String.format(Locale.ROOT, "[%s] breathing: no rate (moving)", clock(f.tS))
                    : String.format(Locale.ROOT, "[%s] breathing: %.1f breaths/min (quality %.2f)", clock(f.tS),
                    rate, breathing.quality());
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
    }
}
