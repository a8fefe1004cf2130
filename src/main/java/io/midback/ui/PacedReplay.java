package io.midback.ui;

import io.midback.app.PacedSink;
import io.midback.app.SessionSpec;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.PostureSettings;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.ReadReport;
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
    /** The lower sensor's recording of the same session, or null. */
    private Path lower;
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

    /** Replays {@code lowerFile} beside it as the lower sensor (null: one sensor). */
    public PacedReplay withLower(Path lowerFile) {
        lower = lowerFile;
        return this;
    }

    @Override
    public boolean savesHistory() {
        return saveToHistory;
    }

    @Override
    public SessionSpec spec(PostureSettings posture, Clock clock) {
        SessionSpec spec = SessionSpec.ofRecording(file, null, null, clock.getZone(), OrientationFilters.DEFAULT,
                posture, System.err::println);
        return lower == null ? spec : spec.withLower(SessionSpec.Lower.ofRecordings(file, lower, null,
                OrientationFilters.DEFAULT));
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
        return "replay " + file.getFileName() + (lower == null ? "" : " with " + lower.getFileName()) + " "
                + atSpeed();
    }

    @Override
    public void run(SampleSink sink) {
        try {
            report = CsvSampleReader.of(file).read(new PacedSink(sink, pacing(), SLICE_WALL_S));
        } catch (PacedSink.Stopped e) {
            sink.end();
        }
    }
}
