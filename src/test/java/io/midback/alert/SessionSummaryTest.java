package io.midback.alert;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionSummaryTest {
    @Test
    void countsSamplesStatesEpisodesAlertsAndCalibration() {
        SessionSummary s = new SessionSummary();
        PostureFrame f = new PostureFrame();
        for (int k = 0; k <= 100; k++) { // 0 .. 10 s at 10 Hz: 5 s upright, 5 s slouched
            f.tS = 2 + k / 10.0;
            f.state = k < 50 ? PostureState.UPRIGHT : PostureState.SLOUCHED;
            s.onPosture(f);
        }
        s.gap(12, 20, "reconnect");
        f.tS = 20;
        f.state = PostureState.STANDING;
        s.onPosture(f);
        f.tS = 20.5; // a step of Gap.MAX_STEP_S still counts
        s.onPosture(f);
        s.onSlumpEpisode(new SlumpEpisode(7, 12, 27.34, true));
        s.onAlert(new Alert(9, AlertKind.SLUMP, "x"));
        s.onAlert(new Alert(11, AlertKind.BREAK, "y"));
        s.onCalibration(new Calibration(2, "first-still", new double[] {1, 0, 0, 0},
                new double[] {0.7071067811865476, 0.7071067811865476, 0, 0}, "default", 0.01, 0.02, 1.5, Double.NaN,
                Double.NaN, List.of("a warning")));

        JsonObject j = JsonParser.parseString(s.toJson()).getAsJsonObject();
        assertEquals(103, j.get("samples").getAsLong());
        assertEquals(18.5, j.get("durationS").getAsDouble(), 1e-9);
        JsonObject ps = j.getAsJsonObject("postureSeconds");
        assertEquals(5.0, ps.get("upright").getAsDouble(), 1e-9);
        assertEquals(5.0, ps.get("slouched").getAsDouble(), 1e-9);
        assertEquals(0.5, ps.get("standing").getAsDouble(), 1e-9, "the gap is not counted");
        assertEquals(0.0, ps.get("not-worn").getAsDouble());
        JsonObject ep = j.getAsJsonArray("slumpEpisodes").get(0).getAsJsonObject();
        assertEquals(7.0, ep.get("startS").getAsDouble());
        assertEquals(12.0, ep.get("endS").getAsDouble());
        assertEquals(27.3, ep.get("peakFlexionDeg").getAsDouble());
        assertEquals("slump", j.getAsJsonArray("alerts").get(0).getAsJsonObject().get("kind").getAsString());
        assertEquals("break", j.getAsJsonArray("alerts").get(1).getAsJsonObject().get("kind").getAsString());
        JsonObject cal = j.getAsJsonObject("calibration");
        assertEquals("default", cal.get("mountingSource").getAsString());
        assertEquals("a warning", cal.getAsJsonArray("warnings").get(0).getAsString());
        assertEquals(1, j.get("gaps").getAsInt());
        assertTrue(s.toJson().startsWith("{") && !s.toJson().contains("\n"));
    }

    @Test
    void emptySessionHasNullCalibration() {
        JsonObject j = JsonParser.parseString(new SessionSummary().toJson()).getAsJsonObject();
        assertEquals(0, j.get("samples").getAsLong());
        assertTrue(j.get("calibration").isJsonNull());
    }
}
