package io.midback.app;

import io.midback.align.ClockAlignment;
import io.midback.align.ClockFit;
import io.midback.align.SampleRing;
import io.midback.align.SampleSource;
import io.midback.align.SampleTrack;
import io.midback.orientation.OrientationFilters;
import io.midback.orientation.TiltFilter;
import io.midback.posture.Calibration;
import io.midback.posture.PostureSettings;
import io.midback.recording.CsvSampleReader;
import io.midback.recording.RecordingMetadata;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a session is, as one value: where its samples come from, what the source says about them (rate,
 * magnetometer, start, stored calibration), and how they are judged (filter, posture and alert settings).
 * {@code replay}, {@code live} and the window each describe one; {@link SessionBuilder} turns it into the running
 * pipeline. What a recording says is read once, by {@link #ofRecording}; a live link's by {@link #live}.
 *
 * @param kind           the kind of source
 * @param name           what the source is called ("replay day.csv", "live /dev/ttyUSB0"): the history's source
 * @param device         the sensor (name or address), "simulator", or the recording's {@code # device:}
 * @param rateHz         nominal sample rate (the filter adapts to the actual periods)
 * @param magnetometer   the samples carry a magnetometer (rotation is then absolute)
 * @param start          wall time of the first sample
 * @param startStated    the start was stated (by the file or the user), not assumed
 * @param zone           the wearer's time zone
 * @param calibration    a stored calibration to start from, or null to capture one
 * @param filterName     orientation filter ({@link OrientationFilters#NAMES})
 * @param posture        posture and alert settings
 * @param lower          a second sensor low on the back (sacral), whose spine angles the session adds and whose
 *                       spine flexion the slump rule then reads; null for one sensor
 * @param recording      a live session recorded as it happens (and its lower sensor beside it), or null
 */
public record SessionSpec(Kind kind, String name, String device, double rateHz, boolean magnetometer, Instant start,
                          boolean startStated, ZoneId zone, Calibration calibration, String filterName,
                          PostureSettings posture, Lower lower, Recording recording) {

    /**
     * A live session recorded as it happens (the window's "Record to", as {@code live --record}): the upper sensor's
     * samples as canonical CSV ({@code .csv} or {@code .csv.gz}), and with a lower sensor its samples beside them
     * ({@link io.midback.live.LiveRecording#siblingOf}: {@code day.csv} → {@code day.lower.csv}).
     * {@link SessionBuilder#record} opens it.
     *
     * @param samples the upper sensor's recording
     */
    public record Recording(Path samples) {
        public Recording {
            Objects.requireNonNull(samples, "samples");
        }
    }

    /**
     * The lower sensor of a two-sensor session: its samples on its own clock, how that clock relates to the upper
     * sensor's, and its own orientation filter.
     *
     * @param name       what it is called (its file or link)
     * @param rateHz     its nominal rate
     * @param samples    its stream: a recording read before the session, or a live link's samples as they arrive
     * @param clock      lower time against upper time (offset and drift)
     * @param filterName its orientation filter
     */
    public record Lower(String name, double rateHz, SampleSource samples, ClockFit clock, String filterName) {
        public Lower {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(samples, "samples");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(filterName, "filterName");
        }

        /**
         * The lower sensor's recording beside the upper's: both read, and the lower clock found against the upper
         * one from the movements both felt ({@link ClockAlignment}).
         */
        public static Lower ofRecordings(Path upperFile, Path lowerFile, Double rateHz, String filterName) {
            SampleTrack upper = new SampleTrack();
            CsvSampleReader.of(upperFile).read(upper);
            SampleTrack lowerTrack = new SampleTrack();
            CsvSampleReader reader = CsvSampleReader.of(lowerFile);
            reader.read(lowerTrack);
            ClockFit fit = ClockAlignment.estimate(upper, lowerTrack, ClockAlignment.DEFAULT_MAX_OFFSET_S);
            double lowerRate = reader.metadata().rateHz().orElse(rateHz != null ? rateHz : DEFAULT_RATE_HZ);
            return new Lower(lowerFile.getFileName().toString(), lowerRate, lowerTrack, fit,
                    reader.hasGyroscope() ? filterName : TiltFilter.NAME);
        }

        /**
         * A lower sensor on a live link of its own: its samples handed over as they arrive, already on the session's
         * timeline (both links stamp their samples on one timeline: the sensors' clocks where they have them,
         * anchored at arrival, else arrival times), so its clock is the upper one's ({@link ClockFit#SAME}).
         *
         * @param link   its port or Bluetooth address
         * @param rateHz its nominal rate (the filter follows the samples' own periods)
         */
        public static Lower live(String link, double rateHz, SampleRing samples, String filterName) {
            return new Lower(link, rateHz, samples, ClockFit.SAME, filterName);
        }
    }

    /** One sensor: no lower one, not recorded. */
    public SessionSpec(Kind kind, String name, String device, double rateHz, boolean magnetometer, Instant start,
                       boolean startStated, ZoneId zone, Calibration calibration, String filterName,
                       PostureSettings posture) {
        this(kind, name, device, rateHz, magnetometer, start, startStated, zone, calibration, filterName, posture,
                null, null);
    }

    /** Where the samples come from. */
    public enum Kind {
        RECORDING, CAPTURE, SERIAL, BLUETOOTH, SIMULATOR;

        /** A live link: the wearer's last calibration carries over to it. */
        public boolean live() {
            return this == SERIAL || this == BLUETOOTH;
        }
    }

    /** The rate assumed when neither the source nor the user states one, Hz. */
    public static final double DEFAULT_RATE_HZ = 100;

    /** The start assumed for a recording that states none (only what is shown; the history needs a real one). */
    public static final LocalDateTime UNSTATED_START = LocalDateTime.of(2000, 1, 1, 0, 0);

    public SessionSpec {
        if (kind == null || name == null || device == null || start == null || zone == null || filterName == null
                || posture == null) {
            throw new IllegalArgumentException("a session needs its kind, name, device, start, zone, filter and "
                    + "posture settings: " + Objects.toString(name));
        }
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rate must be a positive number of Hz: " + rateHz);
        }
    }

    /**
     * A recording as its header describes it: its {@code # rate_hz:}, magnetometer columns, {@code # start:} and
     * {@code # calibration:} (a calibration that does not parse is reported to {@code warnings} and a new one is
     * captured). A recording without gyroscope columns is replayed with {@link TiltFilter}, whatever the filter
     * asked for.
     *
     * @param rateHz  the rate when the file states none, or null for {@link #DEFAULT_RATE_HZ}
     * @param start   the start when the file states none (or to override it), or null
     */
    public static SessionSpec ofRecording(Path file, Double rateHz, LocalDateTime start, ZoneId zone,
                                          String filterName, PostureSettings posture, Consumer<String> warnings) {
        CsvSampleReader head = CsvSampleReader.of(file);
        head.read(null);
        RecordingMetadata metadata = head.metadata();
        LocalDateTime startLocal = start != null ? start : metadata.start().orElse(null);
        Calibration stored = metadata.calibration().map(text -> parseCalibration(file, text, warnings)).orElse(null);
        return new SessionSpec(Kind.RECORDING, "replay " + file.getFileName(),
                metadata.device().orElse(file.getFileName().toString()),
                metadata.rateHz().orElse(rateHz != null ? rateHz : DEFAULT_RATE_HZ), head.hasMagnetometer(),
                (startLocal != null ? startLocal : UNSTATED_START).atZone(zone).toInstant(), startLocal != null, zone,
                stored, head.hasGyroscope() ? filterName : TiltFilter.NAME, posture);
    }

    /** A byte capture: it states nothing but what its decoder finds. */
    public static SessionSpec ofCapture(Path file, Double rateHz, LocalDateTime start, ZoneId zone,
                                        String filterName, PostureSettings posture) {
        return new SessionSpec(Kind.CAPTURE, "replay " + file.getFileName(), "unknown",
                rateHz != null ? rateHz : DEFAULT_RATE_HZ, false,
                (start != null ? start : UNSTATED_START).atZone(zone).toInstant(), start != null, zone, null,
                filterName, posture);
    }

    /** A live link, starting now; {@code rateHz} null for the sensor's own rate. */
    public static SessionSpec live(Kind kind, String name, Double rateHz, Instant now, ZoneId zone,
                                   String filterName, PostureSettings posture) {
        return live(kind, name, name, rateHz != null ? rateHz : DEFAULT_RATE_HZ, true, false, now, zone, filterName,
                posture);
    }

    /**
     * A live link as its first samples showed it: the sensor's name, its rate and what it measures. A sensor
     * without a gyroscope runs with {@link TiltFilter} (as a recording without gyroscope columns), whatever the
     * filter asked for.
     *
     * @param link   the port or Bluetooth address (the history's source: "live /dev/ttyUSB0")
     * @param device the sensor's name as it reports it (or the link's, when it reports none)
     * @param start  wall time of the first sample
     */
    public static SessionSpec live(Kind kind, String link, String device, double rateHz, boolean gyroscope,
                                   boolean magnetometer, Instant start, ZoneId zone, String filterName,
                                   PostureSettings posture) {
        return new SessionSpec(kind, "live " + link, device, rateHz, magnetometer, start, true, zone, null,
                gyroscope ? filterName : TiltFilter.NAME, posture);
    }

    /** The simulated wearer, starting now. */
    public static SessionSpec simulator(String scenario, double rateHz, boolean magnetometer, Instant now,
                                        ZoneId zone, String filterName, PostureSettings posture) {
        return new SessionSpec(Kind.SIMULATOR, "simulator " + scenario, "simulator", rateHz, magnetometer, now, true,
                zone, null, filterName, posture);
    }

    /** The sensor has no gyroscope: angles from gravity alone, no rotation ({@link TiltFilter}). */
    public boolean accelerometerOnly() {
        return TiltFilter.NAME.equals(filterName);
    }

    public SessionSpec withCalibration(Calibration c) {
        return new SessionSpec(kind, name, device, rateHz, magnetometer, start, startStated, zone, c, filterName,
                posture, lower, recording);
    }

    /** The same session with a lower sensor (null: none). */
    public SessionSpec withLower(Lower l) {
        return new SessionSpec(kind, name, device, rateHz, magnetometer, start, startStated, zone, calibration,
                filterName, posture, l, recording);
    }

    /** The same session recorded as it happens (null: not recorded); only a live link's can be. */
    public SessionSpec withRecording(Recording r) {
        if (r != null && !kind.live()) {
            throw new IllegalArgumentException("only a live session is recorded as it happens, not " + name);
        }
        return new SessionSpec(kind, name, device, rateHz, magnetometer, start, startStated, zone, calibration,
                filterName, posture, lower, r);
    }

    private static Calibration parseCalibration(Path file, String text, Consumer<String> warnings) {
        try {
            return Calibration.parse(text);
        } catch (RuntimeException e) {
            warnings.accept("warning: " + file + ": ignoring the stored calibration (" + e.getMessage()
                    + "); a new one is captured");
            return null;
        }
    }
}
