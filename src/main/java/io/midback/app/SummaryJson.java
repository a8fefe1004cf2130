package io.midback.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.midback.alert.SessionSummary;
import io.midback.recording.ReadReport;

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
}
