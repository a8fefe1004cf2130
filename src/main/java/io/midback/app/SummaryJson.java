package io.midback.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.midback.alert.SessionSummary;
import io.midback.breathing.BreathingReport;
import io.midback.recording.ReadReport;

import java.util.List;

/** The session summary as one JSON line: what {@code replay --json}, {@code live --json} and the window print. */
public final class SummaryJson {
    private SummaryJson() {
    }

    /** The summary with {@code extra}'s fields appended. */
    public static String line(SessionSummary summary, JsonObject extra) {
        JsonObject o = summary.toJsonObject();
        extra.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        return new GsonBuilder().serializeNulls().create().toJson(o);
    }

    /** What reading a recording counted, as the summary's extra fields. */
    public static JsonObject of(ReadReport report) {
        JsonObject extra = new JsonObject();
        extra.addProperty("badLinesSkipped", report.badLinesSkipped());
        extra.addProperty("backwardSteps", report.backwardSteps());
        extra.addProperty("nanSamples", report.nanSamples());
        extra.addProperty("lastLineCut", report.lastLineCut());
        return extra;
    }

    /** What a session without a gyroscope cannot give, as the summary names it. */
    public static final List<String> ACCELEROMETER_ONLY_UNAVAILABLE = List.of("rotation");
    /** How the angles of a session without a gyroscope were found. */
    public static final String ACCELEROMETER_ONLY_ANGLES =
            "flexion and side bend from gravity (low-passed accelerometer)";

    /**
     * Adds what the session as a whole gives besides the posture summary: {@code "breathing": {"ratePerMin":
     * median or null, "validS": seconds with a rate, "perMinute": [{"minute", "ratePerMin"}]}}, and for a sensor
     * without a gyroscope {@code "unavailable": ["rotation"]} and {@code "angles"}.
     */
    public static JsonObject withSession(JsonObject extra, SessionBuilder session) {
        BreathingReport r = session.breathingReport();
        JsonObject b = new JsonObject();
        b.addProperty("ratePerMin", r.ratePerMin());
        b.addProperty("validS", r.validS());
        JsonArray minutes = new JsonArray();
        for (BreathingReport.Minute m : r.perMinute()) {
            JsonObject e = new JsonObject();
            e.addProperty("minute", m.minute());
            e.addProperty("ratePerMin", m.ratePerMin());
            minutes.add(e);
        }
        b.add("perMinute", minutes);
        extra.add("breathing", b);
        if (session.spineSummary() != null) {
            session.spineSummary().addTo(extra);
        }
        if (session.spec().accelerometerOnly()) {
            JsonArray unavailable = new JsonArray();
            ACCELEROMETER_ONLY_UNAVAILABLE.forEach(unavailable::add);
            extra.add("unavailable", unavailable);
            extra.addProperty("angles", ACCELEROMETER_ONLY_ANGLES);
        }
        return extra;
    }
}
