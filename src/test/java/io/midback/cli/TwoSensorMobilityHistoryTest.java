package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.posture.Mounting;
import io.midback.report.MobilityCharts;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.SensorClock;
import io.midback.sim.SimulationFiles;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.Site;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recorded check analysed with {@code --save-history}: with two sensors the history keeps the spine's ranges and
 * the trunk's beside them, {@code history --mobility} shows both, and the trend draws both; with one sensor, the
 * trunk's alone as before.
 */
class TwoSensorMobilityHistoryTest {
    @TempDir
    Path dir;

    @Test
    void theHistoryAndTheTrendKeepTheSpinesAndTheTrunksRanges() throws Exception {
        long seed = 311;
        MobilityProtocol p = MobilityProtocol.of(MobilityProtocol.Person.random(seed), seed, 0.25);
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(50).withSeed(seed);
        Simulator upper = new Simulator(p.scenario(), cfg);
        Simulator lower = new Simulator(p.scenario(), cfg.withRate(100).withMounting(Mounting.parse("tilted20")),
                Site.SACRUM, new SensorClock(1.5, 0.02));
        Path up = dir.resolve("up.csv.gz"), low = dir.resolve("low.csv.gz"), db = dir.resolve("h.db");
        SimulationFiles.writePair(upper, up, lower, low, 10, null);

        TwoSensorMobilityAcceptanceTest.Run two = TwoSensorMobilityAcceptanceTest.run("mobility", "--analyse",
                up.toString(), "--lower", low.toString(), "--json", "--save-history", "--db", db.toString(), "--start", "2026-11-20T09:00:00");
        assertEquals(0, two.code(), two.err());
        assertTrue(two.err().contains("saved in the history as check 1"), two.err());
        JsonObject flexion = JsonParser.parseString(two.out()).getAsJsonObject().getAsJsonObject("directions")
                .getAsJsonObject("flexion");
        TwoSensorMobilityAcceptanceTest.Run one = TwoSensorMobilityAcceptanceTest.run("mobility", "--analyse",
                up.toString(), "--save-history", "--db", db.toString(), "--start", "2026-11-27T09:00:00");
        assertEquals(0, one.code(), one.err());

        List<MobilityRecord> checks;
        try (HistoryStore store = HistoryStore.open(db)) {
            checks = store.mobilityChecks();
        }
        assertEquals(2, checks.size());
        MobilityRecord.Direction twoFlex = checks.get(0).directions().get("flexion");
        assertEquals(flexion.get("romDeg").getAsDouble(), twoFlex.romDeg(), 0.05, "the spine's range");
        assertEquals(flexion.get("trunkRomDeg").getAsDouble(), twoFlex.trunkRomDeg(), 0.05, "the trunk's range");
        assertTrue(twoFlex.trunkRomDeg() > twoFlex.romDeg() + 5, "the hips add to the trunk's flexion: " + twoFlex);
        MobilityRecord.Direction oneFlex = checks.get(1).directions().get("flexion");
        assertTrue(Double.isNaN(oneFlex.trunkRomDeg()), "one sensor: no trunk range beside");
        assertEquals(twoFlex.trunkRomDeg(), oneFlex.romDeg(), 0.05, "one sensor measures the trunk");

        String listed = TwoSensorMobilityAcceptanceTest.run("history", "--mobility", "--db", db.toString()).out();
        String[] lines = listed.strip().split("\n");
        assertEquals(2, lines.length, listed);
        assertTrue(lines[0].contains("(trunk "), lines[0]);
        assertTrue(!lines[1].contains("(trunk "), lines[1]);

        JFreeChart trend = MobilityCharts.trend(checks);
        List<String> keys = new ArrayList<>();
        for (Object sub : ((CombinedDomainXYPlot) trend.getXYPlot()).getSubplots()) {
            XYPlot plot = (XYPlot) sub;
            for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
                keys.add(plot.getDataset().getSeriesKey(s) + ":" + plot.getDataset().getItemCount(s));
            }
        }
        assertTrue(keys.contains("flexion:2"), keys.toString());
        assertTrue(keys.contains("flexion (trunk, hips included):1"), keys.toString());
    }

    @Test
    void savingAnAnalysedCheckWithoutAStartTimeSaysWhatToGive() throws Exception {
        Path up = dir.resolve("nostart.csv");
        java.nio.file.Files.writeString(up, "t_s,gx,gy,gz,ax,ay,az\n0,0,0,0,0,9.81,0\n0.02,0,0,0,0,9.81,0\n");
        TwoSensorMobilityAcceptanceTest.Run r = TwoSensorMobilityAcceptanceTest.run("mobility", "--analyse",
                up.toString(), "--save-history", "--db", dir.resolve("h.db").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--start") && !r.err().contains("Exception"), r.err());
    }
}
