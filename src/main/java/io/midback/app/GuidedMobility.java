package io.midback.app;

import io.midback.history.MobilityRecord;
import io.midback.mobility.AngleSeries;
import io.midback.mobility.GuidedCheck;
import io.midback.mobility.MobilityAnalysis;
import io.midback.mobility.MobilityCheck;
import io.midback.mobility.MobilityEvent;
import io.midback.mobility.MobilityResult;
import io.midback.mobility.MobilitySettings;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One guided mobility check beside a session, as the terminal and the window run it: the raw samples in (a stage
 * beside posture: {@link SessionBuilder#addSampleSink}), the {@link MobilityCheck} and the {@link GuidedCheck}
 * prompting through the caller's listener, every prompt's event kept; at the end the analysis from those events and
 * the history's record of it.
 */
public final class GuidedMobility implements SampleSink {
    private final MobilitySettings settings = MobilitySettings.defaults();
    private final AngleSeries series = new AngleSeries();
    private final List<MobilityEvent> events = new ArrayList<>();
    private final GuidedCheck guide;
    private final MobilityCheck check;

    /** @param listener told every prompt and event, and the end, on the thread that feeds the samples */
    public GuidedMobility(double rateHz, GuidedCheck.Listener listener) {
        guide = new GuidedCheck(settings, new GuidedCheck.Listener() {
            @Override
            public void prompt(double tS, String text) {
                listener.prompt(tS, text);
            }

            @Override
            public void event(MobilityEvent e) {
                events.add(e);
                listener.event(e);
            }

            @Override
            public void finished(double tS, String how) {
                listener.finished(tS, how);
            }
        });
        check = new MobilityCheck(settings, MobilityCheck.defaultFilter(rateHz), f -> {
            series.onFrame(f);
            guide.onFrame(f);
        });
    }

    public GuidedCheck guide() {
        return guide;
    }

    /**
     * Sample by sample up to the one that ends the check: none after it reaches the analysis or the bias, however
     * the samples come batched (the pacing's slices at a {@code --speed}, the producer's whole batches unpaced).
     */
    @Override
    public void accept(SampleBatch b) {
        for (int i = 0; i < b.size() && !guide.isOver(); i++) {
            check.sample(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                    b.azMps2[i]);
        }
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        check.gap(fromS, toS, reason);
    }

    /** The analysis of the check from its prompts' events (at the end, on the feeding thread or after it). */
    public MobilityResult result() {
        return MobilityAnalysis.analyse(series, events, settings, check.diagnostics());
    }

    /** The history's record of the check. */
    public static MobilityRecord record(MobilityResult result, GuidedCheck guide, Instant start, ZoneId zone,
                                        String device, String source) {
        return MobilityHistory.record(result, start, zone, device, source, guide.how());
    }
}
