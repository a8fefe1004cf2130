package io.midback.alert;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.sensor.Gap;
import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureListener;
import io.midback.posture.PostureState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The session summary that {@code replay} and {@code live} print: sample and gap counts, seconds per posture
 * state, slump episodes, alerts and the calibration. Listens to posture frames (no allocation per sample),
 * alerts, episodes and calibrations; {@link #gap} and {@link #end} take the stream's gaps and end.
 *
 * <p>JSON ({@link #toJson()}): {@code samples}, {@code durationS}, {@code postureSeconds} {label: s},
 * {@code slumpEpisodes} [{startS, endS, peakFlexionDeg}], {@code alerts} [{atS, kind}], {@code calibration}
 * {…} or null, {@code gaps}, {@code gapSeconds}; times in seconds from the first sample.
 */
public final class SessionSummary implements PostureListener, AlertListener {

    private long samples;
    private double firstS = Double.NaN;
    private double lastS = Double.NaN;
    private PostureState prevState;
    private final double[] stateSeconds = new double[PostureState.values().length];
    private int gaps;
    private double gapSeconds;
    private final List<SlumpEpisode> episodes = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private Calibration calibration;

    @Override
    public void onPosture(PostureFrame frame) {
        if (samples == 0) {
            firstS = frame.tS;
        } else if (prevState != null) {
            double dt = frame.tS - lastS;
            if (dt > 0 && !Gap.isGap(dt)) {
                stateSeconds[prevState.ordinal()] += dt;
            }
        }
        samples++;
        lastS = frame.tS;
        prevState = frame.state;
    }

    @Override
    public void onAlert(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public void onSlumpEpisode(SlumpEpisode episode) {
        episodes.add(episode);
    }

    @Override
    public void onCalibration(Calibration c) {
        this.calibration = c;
    }

    /** Samples are missing between two session times. */
    public void gap(double fromS, double toS, String reason) {
        gaps++;
        gapSeconds += Math.max(0, toS - fromS);
        prevState = null;
    }

    /** The stream ended at {@code lastS} (nothing to do: kept for symmetry with the stream's listeners). */
    public void end(double lastS) {
    }

    public long samples() {
        return samples;
    }

    public double durationS() {
        return samples == 0 ? 0 : lastS - firstS;
    }

    public double secondsIn(PostureState s) {
        return stateSeconds[s.ordinal()];
    }

    public List<SlumpEpisode> episodes() {
        return Collections.unmodifiableList(episodes);
    }

    public List<Alert> alerts() {
        return Collections.unmodifiableList(alerts);
    }

    public Calibration calibration() {
        return calibration;
    }

    public int gaps() {
        return gaps;
    }

    public JsonObject toJsonObject() {
        JsonObject o = new JsonObject();
        o.addProperty("samples", samples);
        o.addProperty("durationS", r3(durationS()));
        JsonObject ps = new JsonObject();
        for (PostureState s : PostureState.values()) {
            ps.addProperty(s.label(), r3(stateSeconds[s.ordinal()]));
        }
        o.add("postureSeconds", ps);
        JsonArray eps = new JsonArray();
        for (SlumpEpisode e : episodes) {
            JsonObject j = new JsonObject();
            j.addProperty("startS", r3(e.startS()));
            j.addProperty("endS", r3(e.endS()));
            j.addProperty("peakFlexionDeg", Math.round(e.peakFlexionDeg() * 10) / 10.0);
            eps.add(j);
        }
        o.add("slumpEpisodes", eps);
        JsonArray as = new JsonArray();
        for (Alert a : alerts) {
            JsonObject j = new JsonObject();
            j.addProperty("atS", r3(a.atS()));
            j.addProperty("kind", a.kind().label());
            as.add(j);
        }
        o.add("alerts", as);
        o.add("calibration", calibration == null ? null : JsonParser.parseString(calibration.toMetadata()));
        o.addProperty("gaps", gaps);
        o.addProperty("gapSeconds", r3(gapSeconds));
        return o;
    }

    /** The summary as one line of JSON. */
    public String toJson() {
        Gson gson = new GsonBuilder().serializeNulls().create();
        return gson.toJson(toJsonObject());
    }

    private static double r3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
