package io.midback.ui;

import io.midback.align.ClockFit;
import io.midback.app.SessionSpec;
import io.midback.posture.PostureSettings;
import io.midback.transport.SerialTransport;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.*;

/** The Connect tab's lower sensor field feeds the live session's spec, as {@code live --lower-port} does. */
class LowerSensorFieldTest {
    private static LiveSource live() {
        return new LiveSource("/dev/ttyUSB0", () -> new SerialTransport("/dev/ttyUSB0", 115_200),
                LiveSource.defaultLinkSettings());
    }

    @Test
    void aPortGivesTheLiveSessionItsLowerSensorOnTheSameTimeline() throws Exception {
        LowerSensorField field = new LowerSensorField("");
        ScenarioSupport.named(field, "lowerPort", javax.swing.JTextField.class).setText(" /dev/ttyUSB1 "); // typed in
        SampleSource s = field.attachTo(live());
        SessionSpec spec = s.spec(PostureSettings.defaults(), Clock.systemUTC());
        assertNotNull(spec.lower(), "two sensors");
        assertEquals("/dev/ttyUSB1", spec.lower().name());
        assertEquals(ClockFit.SAME, spec.lower().clock(), "both links on one timeline");
        assertEquals("the sensor at /dev/ttyUSB0 and the lower one at /dev/ttyUSB1", s.describe());
    }

    @Test
    void leftEmptyOrBesideAnythingButALiveSensorItChangesNothing() throws Exception {
        LowerSensorField field = new LowerSensorField("");
        assertNull(field.attachTo(live()).spec(PostureSettings.defaults(), Clock.systemUTC()).lower());
        ScenarioSupport.named(field, "lowerPort", javax.swing.JTextField.class).setText("/dev/ttyUSB1"); // typed in
        SimulatorSource sim = new SimulatorSource("slump-demo", 1);
        assertSame(sim, field.attachTo(sim));
        assertNull(sim.spec(PostureSettings.defaults(), Clock.systemUTC()).lower());
    }
}
