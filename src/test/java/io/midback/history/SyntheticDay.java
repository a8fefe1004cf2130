package io.midback.history;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;
import io.midback.alert.SlumpEpisode;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureState;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated day for the tests: a schedule of segments (state, duration, flexion), one explicit gap, and alerts;
 * {@link #feed} drives a recorder with it at the given rate, and the expected totals come from the schedule.
 */
public final class SyntheticDay {
    /** A segment; state == null means a gap (no samples). */
    public record Segment(PostureState state, double durationS, double flexionBaseDeg) {
    }

    public final List<Segment> segments = new ArrayList<>();
    public final List<Alert> alerts = new ArrayList<>();
    final double rateHz;

    public SyntheticDay(double rateHz) {
        this.rateHz = rateHz;
    }

    /** Roughly {@code hours} of office work: sitting blocks with slumps, short stands, breaks, one gap. */
    public static SyntheticDay office(long seed, double hours, double rateHz) {
        SyntheticDay d = new SyntheticDay(rateHz);
        Random r = new Random(seed);
        double total = 0;
        boolean gapDone = false;
        d.segments.add(new Segment(PostureState.UNKNOWN, 20, 0));
        while (total < hours * 3600) {
            int sitBlocks = 3 + r.nextInt(5);
            for (int i = 0; i < sitBlocks; i++) {
                d.segments.add(new Segment(PostureState.UPRIGHT, 60 + r.nextInt(600), 5));
                if (r.nextBoolean()) {
                    d.segments.add(new Segment(PostureState.SLOUCHED, 20 + r.nextInt(300), 30));
                }
                if (r.nextInt(4) == 0) {
                    d.segments.add(new Segment(PostureState.RECLINED, 30 + r.nextInt(200), -10));
                }
                if (r.nextInt(5) == 0) {
                    d.segments.add(new Segment(PostureState.STANDING, 10 + r.nextInt(40), 0)); // not a break
                }
            }
            d.segments.add(new Segment(r.nextBoolean() ? PostureState.WALKING : PostureState.STANDING,
                    90 + r.nextInt(500), 0));
            if (!gapDone && total > hours * 1800) {
                d.segments.add(new Segment(null, 300, 0));
                gapDone = true;
            }
            total = d.durationS();
        }
        d.segments.add(new Segment(PostureState.UPRIGHT, 120, 5));
        // Alerts: one at the start of every slouched segment longer than 60 s, a break alert after long sitting.
        double t = 0;
        for (Segment s : d.segments) {
            if (s.state == PostureState.SLOUCHED && s.durationS > 60) {
                d.alerts.add(new Alert(t + 30, AlertKind.SLUMP, "sit up"));
                if (s.durationS > 200) {
                    d.alerts.add(new Alert(t + 150, AlertKind.SLUMP_ESCALATION, "still slumped"));
                }
            }
            if (s.state == PostureState.RECLINED && s.durationS > 150) {
                d.alerts.add(new Alert(t + 10, AlertKind.BREAK, "stand up and rotate"));
            }
            t += s.durationS;
        }
        return d;
    }

    public double durationS() {
        double t = 0;
        for (Segment s : segments) {
            t += s.durationS;
        }
        return t;
    }

    /**
     * Feeds every sample (and the gap, alerts and slump episodes in time order, as the alert stage would) to the
     * recorder. Samples fall at exact multiples of 1/rate; each segment's samples are t0 ≤ t &lt; t0 + duration;
     * a slouched segment's episode is delivered after its last sample.
     */
    public void feed(HistoryRecorder rec) {
        PostureFrame f = new PostureFrame();
        f.calibrated = true;
        int alertIndex = 0;
        double t0 = 0;
        long i = 0;
        double lastT = 0;
        for (Segment s : segments) {
            double end = t0 + s.durationS;
            if (s.state == null) {
                rec.onGap(lastT, end, "link lost");
                i = Math.round(end * rateHz);
                t0 = end;
                continue;
            }
            double peakDeg = Double.NEGATIVE_INFINITY;
            for (; i / rateHz < end - 1e-9; i++) {
                double t = i / rateHz;
                f.tS = t;
                f.state = s.state;
                f.flexionDeg = s.flexionBaseDeg + 3 * Math.sin(t * 0.5);
                peakDeg = Math.max(peakDeg, f.flexionDeg);
                rec.onPosture(f);
                lastT = t;
                while (alertIndex < alerts.size() && alerts.get(alertIndex).atS() <= t) {
                    rec.onAlert(alerts.get(alertIndex++));
                }
            }
            if (s.state == PostureState.SLOUCHED) {
                rec.onSlumpEpisode(new SlumpEpisode(t0, end, peakDeg, s.durationS > 60));
            }
            t0 = end;
        }
    }

    /**
     * Seconds per state as fed: each sample's interval to the next counts for its state, so a segment before a
     * gap or at the end loses its last sample interval, which (before a gap) the gap gains.
     */
    public double[] expectedStateSeconds() {
        double[] s = new double[PostureState.values().length];
        double dt = 1 / rateHz;
        for (int k = 0; k < segments.size(); k++) {
            Segment seg = segments.get(k);
            if (seg.state == null) {
                continue;
            }
            boolean beforeGapOrEnd = k == segments.size() - 1 || segments.get(k + 1).state == null;
            s[seg.state.ordinal()] += seg.durationS - (beforeGapOrEnd ? dt : 0);
        }
        return s;
    }

    public double expectedGapS() {
        double g = 0;
        for (Segment seg : segments) {
            if (seg.state == null) {
                g += seg.durationS + 1 / rateHz;
            }
        }
        return g;
    }

    public int expectedSlumpEpisodes() {
        int n = 0;
        PostureState prev = null;
        for (Segment seg : segments) {
            if (seg.state == PostureState.SLOUCHED && prev != PostureState.SLOUCHED) {
                n++;
            }
            prev = seg.state;
        }
        return n;
    }

    /**
     * Breaks, computed from the schedule by the rule: a bout starts with sedentary time (a sitting state, or
     * standing still); a break is time not sedentary adding up to {@code breakS} after it, in which sedentary
     * pauses shorter than 30 s neither count nor interrupt and longer ones restart the count; a gap of at least
     * {@code breakS} ends the bout without a break. Unknown time neither sits nor breaks.
     */
    public int expectedBreaks(double breakS) {
        final double pauseS = 30;
        int n = 0;
        boolean bout = false;
        double movedS = 0;
        double pausedS = 0;
        for (Segment seg : segments) {
            if (seg.state == null) {
                if (seg.durationS + 1 / rateHz >= breakS) { // the fed gap: last sample before to first after
                    bout = false;
                }
                continue;
            }
            PostureState st = seg.state;
            if (st == PostureState.UNKNOWN) {
                continue;
            }
            boolean sedentary = st == PostureState.UPRIGHT || st == PostureState.SLOUCHED
                    || st == PostureState.RECLINED || st == PostureState.LEANING_SIDEWAYS
                    || st == PostureState.STANDING;
            if (sedentary) {
                if (!bout) {
                    bout = true;
                    movedS = 0;
                    pausedS = 0;
                } else if (movedS > 0) {
                    pausedS += seg.durationS;
                    if (pausedS >= pauseS) {
                        movedS = 0;
                        pausedS = 0;
                    }
                }
            } else if (bout) {
                pausedS = 0;
                movedS += seg.durationS;
                if (movedS >= breakS) {
                    n++;
                    bout = false;
                }
            }
        }
        return n;
    }
}
