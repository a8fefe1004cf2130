package io.midback.sim;

import io.midback.posture.PostureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioTest {

    private static ScenarioFormatException reject(String text) {
        return assertThrows(ScenarioFormatException.class, () -> Scenario.parse("my.scenario", text, "my"));
    }

    @Test
    void parsesHeadersTimesDurationsAndParameters() {
        Scenario s = Scenario.parse("x", String.join("\n",
                "# a comment",
                "name   demo   # trailing comment",
                "heading 35",
                "start 2026-11-20T09:00:00",
                "",
                "0:00 10s still",
                "0:10 1m30s slump depth=30 ramp=5",
                "+ 2m look side=left angle=20",
                "3:40 90 lean side=right",
                "0:05:10 1h walk speed=1.4 cadence=110",
                "+ 5s pose flex=-5 state=reclined"), "x");
        assertEquals("demo", s.name());
        assertEquals(35, s.headingDeg());
        assertEquals("2026-11-20T09:00", s.start().toString());
        List<Segment> seg = s.segments();
        assertEquals(6, seg.size());
        assertEquals(10, seg.get(1).startS());
        assertEquals(90, seg.get(1).durationS());
        assertEquals(30, seg.get(1).flexTargetDeg());
        assertEquals(5, seg.get(1).rampS());
        assertEquals(4, seg.get(1).recoverS(), "default recover");
        assertEquals(-20, seg.get(2).axialTargetDeg(), "left is negative");
        assertEquals(15, seg.get(3).latTargetDeg(), "default angle, right positive");
        assertEquals(1.4, seg.get(4).speedMps());
        assertEquals(Activity.Mode.WALKING, seg.get(3).nextMode());
        assertEquals(PostureState.RECLINED, seg.get(5).stateOverride());
        assertNull(seg.get(0).stateOverride());
        assertEquals(310 + 3600 + 5, s.durationS());
        assertEquals(8, seg.get(2).line());
    }

    @Test
    void rejectsMalformedLinesNamingFileAndLine() {
        ScenarioFormatException e = reject("0 10s still\n+ 5s dance\n");
        assertEquals("my.scenario:2: unknown activity 'dance' (known: still, type, slump, reach, hinge, look, lean, "
                + "recline, pose, stand, walk, lie, off)", e.getMessage());
        assertEquals(2, e.line());
        assertTrue(reject("0 10s still\n\n+ ten still\n").getMessage().startsWith("my.scenario:3: bad duration"));
        assertTrue(reject("0 10s still\n0:20 5s type\n").getMessage()
                .startsWith("my.scenario:2: starts at 0:20 (20 s) but the previous activity ends at 10 s"));
        assertTrue(reject("0 10s slump depth=abc\n").getMessage().startsWith("my.scenario:1: bad number for depth"));
        assertTrue(reject("0 10s slump height=3\n").getMessage()
                .startsWith("my.scenario:1: 'slump' takes no parameter 'height'"));
        assertTrue(reject("0 10s slump depth\n").getMessage().startsWith("my.scenario:1: expected key=value"));
        assertTrue(reject("0 10s\n").getMessage().startsWith("my.scenario:1: expected 'AT DURATION ACTIVITY"));
        assertTrue(reject("0 10s look side=up\n").getMessage().startsWith("my.scenario:1: side must be left or right"));
        assertTrue(reject("0 10s pose state=sleepy\n").getMessage().startsWith("my.scenario:1: unknown posture state"));
        assertTrue(reject("0 10s pose flex=120\n").getMessage().startsWith("my.scenario:1: angles out of range"));
        assertTrue(reject("0 -3s still\n").getMessage().startsWith("my.scenario:1: bad duration"));
        assertTrue(reject("1:75 3s still\n").getMessage().startsWith("my.scenario:1: bad time"));
        assertTrue(reject("start tomorrow\n").getMessage().startsWith("my.scenario:1: bad start time"));
        assertTrue(reject("# nothing\n").getMessage().contains("no activities"));
    }

    @Test
    void aFileNamesItselfInErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.scenario");
        Files.writeString(f, "0 10s still\n+ 5s type\n+ 5x still\n");
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> Scenario.load(f.toString()));
        assertTrue(e.getMessage().startsWith(f + ":3: bad duration '5x'"), e.getMessage());
        ScenarioFormatException missing = assertThrows(ScenarioFormatException.class,
                () -> Scenario.load(dir.resolve("nope.scenario").toString()));
        assertTrue(missing.getMessage().contains("no such scenario file"), missing.getMessage());
    }

    @Test
    void builtInsLoadWithTheirDocumentedLengths() {
        Scenario demo = Scenario.load("slump-demo");
        assertEquals(600, demo.durationS(), 1e-9);
        assertEquals(35, demo.headingDeg());
        Scenario day = Scenario.load("workday");
        assertEquals(8 * 3600, day.durationS(), 1e-6);
        assertEquals("2026-11-20T09:00", day.start().toString());
        assertEquals(2_880_000, new Simulator(day, SimulatorConfig.defaults()).sampleCount());
    }

    @Test
    void truncationKeepsTheFirstPart() {
        Scenario day = Scenario.load("workday");
        Scenario hour = day.truncated(3600);
        assertEquals(3600, hour.durationS(), 1e-9);
        assertEquals(day.segments().get(3), hour.segments().get(3));
        assertTrue(hour.segments().size() < day.segments().size());
        assertEquals(day, day.truncated(1e6));
    }
}
