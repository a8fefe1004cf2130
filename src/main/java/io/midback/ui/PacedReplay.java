package io.midback.ui;

import io.midback.app.SessionSpec;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureSettings;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.ReadReport;
import io.midback.sensor.ForwardingSink;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Replays a recording at {@code speed} times real time (or as fast as it can be read with speed = infinity):
 * reads with {@link CsvSampleReader} on the calling (session) thread and hands the samples on in slices of about
 * {@link #SLICE_WALL_S} of wall time, waiting ({@link Pacing}) until each slice is due. Nothing is allocated per
 * sample. The session is the recording's own, as {@code midback replay} has it ({@link SessionSpec#ofRecording}):
 * its rate, magnetometer columns, start and stored calibration.
 */
public final class PacedReplay extends PacedSource {
    /** Wall time between hand-overs when paced. */
    static final double SLICE_WALL_S = 0.02;

    private final Path file;
    private boolean saveToHistory;
    private volatile ReadReport report;

    /** @param speed 1 = real time; {@link Double#POSITIVE_INFINITY} = no pacing */
    public PacedReplay(Path file, double speed) {
        super(speed);
        this.file = file;
    }

    /** Also saves the replayed session in the history (off by default for replays). */
    public PacedReplay savingToHistory(boolean on) {
        saveToHistory = on;
        return this;
    }

    @Override
    public boolean savesHistory() {
        return saveToHistory;
    }

    @Override
    public SessionSpec spec(PostureSettings posture, Clock clock) {
        return SessionSpec.ofRecording(file, null, null, clock.getZone(), OrientationFilters.DEFAULT, posture,
                System.err::println);
    }

    public Path file() {
        return file;
    }

    /** What reading the file counted, once the replay has ended (else null). */
    public ReadReport report() {
        return report;
    }

    @Override
    public String describe() {
        return "replay " + file.getFileName() + " " + atSpeed();
    }

    @Override
    public void run(SampleSink sink) {
        try {
            report = CsvSampleReader.of(file).read(new Slicer(sink, pacing()));
        } catch (Stopped e) {
            sink.end();
        }
    }

    /** Unwinds the reader when the replay is stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Hands the reader's batches on in paced slices. */
    private static final class Slicer extends ForwardingSink {
        private final Pacing pacing;
        private final double sliceDataS;
        private final SampleBatch slice = new SampleBatch(4096);

        Slicer(SampleSink out, Pacing pacing) {
            super(out);
            this.pacing = pacing;
            this.sliceDataS = SLICE_WALL_S * pacing.speed();
        }

        @Override
        public void accept(SampleBatch b) {
            if (!pacing.paced()) {
                if (!pacing.waitUntil(0)) {
                    throw new Stopped();
                }
                next.accept(b);
                return;
            }
            int i = 0;
            while (i < b.size()) {
                slice.clear();
                double sliceEnd = b.tS[i] + sliceDataS;
                while (i < b.size() && b.tS[i] < sliceEnd && !slice.isFull()) {
                    slice.add(b.tS[i], b.gxRadPerS[i], b.gyRadPerS[i], b.gzRadPerS[i], b.axMps2[i], b.ayMps2[i],
                            b.azMps2[i], b.mxMicroT[i], b.myMicroT[i], b.mzMicroT[i]);
                    i++;
                }
                if (!pacing.waitUntil(slice.tS[0])) {
                    throw new Stopped();
                }
                next.accept(slice);
            }
        }
    }
}
