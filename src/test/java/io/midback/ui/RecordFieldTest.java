package io.midback.ui;

import io.midback.app.SessionSpec;
import io.midback.posture.PostureSettings;
import io.midback.transport.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JTextField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.*;

/** The Connect tab's "Record to" file, headless: what it makes of the session it is given. */
class RecordFieldTest {
    private static LiveSource live() {
        return new LiveSource("/dev/ttyUSB0", () -> new SerialTransport("/dev/ttyUSB0", 115_200),
                LiveSource.defaultLinkSettings());
    }

    private static SessionSpec spec(SampleSource s) {
        return s.spec(PostureSettings.defaults(), Clock.systemUTC());
    }

    @Test
    void aLiveSensorIsRecordedToTheFileNeverOverAnExistingOne(@TempDir Path dir) throws Exception {
        RecordField field = new RecordField(dir.resolve("day.csv").toString()); // as remembered
        assertEquals(dir.resolve("day.csv"), spec(field.attachTo(live())).recording().samples());
        Files.writeString(dir.resolve("day.csv"), "kept");
        assertEquals(dir.resolve("day-2.csv"), spec(field.attachTo(live())).recording().samples());
        // With a lower sensor, its sibling must be free too.
        Files.writeString(dir.resolve("day-2.lower.csv"), "kept");
        LowerSensorField lower = new LowerSensorField("/dev/ttyUSB1");
        assertEquals(dir.resolve("day-3.csv"), spec(field.attachTo(lower.attachTo(live()))).recording().samples());
        ScenarioSupport.named(field, "recordFile", JTextField.class).setText(dir.resolve("week.csv.gz").toString());
        Files.writeString(dir.resolve("week.csv.gz"), "kept");
        assertEquals(dir.resolve("week-2.csv.gz"), spec(field.attachTo(live())).recording().samples());
    }

    @Test
    void leftEmptyOrBesideAReplayOrTheSimulatorNothingIsRecorded() throws Exception {
        assertNull(spec(new RecordField("").attachTo(live())).recording());
        RecordField field = new RecordField("/tmp/day.csv");
        SimulatorSource sim = new SimulatorSource("slump-demo", 1);
        assertSame(sim, field.attachTo(sim));
        assertNull(spec(sim).recording());
        assertThrows(IllegalArgumentException.class, () -> spec(sim).withRecording(
                new SessionSpec.Recording(Path.of("/tmp/day.csv"))), "only a live session is recorded as it happens");
    }

    @Test
    void textThatIsNotAFileNameIsOneLineNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecordField("day\0.csv").attachTo(live()));
        assertTrue(e.getMessage().startsWith("Record to: not a file name: day?.csv ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
