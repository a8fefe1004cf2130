package io.midback.ui;

import io.midback.app.SessionBuilder;
import io.midback.live.VirtualSensor;
import io.midback.posture.PostureSettings;
import io.midback.sensor.SampleSink;
import io.midback.sim.Scenario;
import io.midback.sim.SimulatorConfig;
import io.midback.sim.Site;
import io.midback.testing.Poll;
import io.midback.transport.ReconnectingLink;
import io.midback.transport.SerialTransport;
import io.midback.transport.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window's live source with the Connect tab's lower sensor: two virtual sensors (the thorax and the sacrum of
 * one wearer) on two socat pairs, the session built from the source's spec as the window builds it; the spine
 * angles come, calibrated at upright. About 12 s.
 */
class LiveSourceTwoSensorsTest {
    @Test
    void theConnectTabsLowerSensorGivesTheLiveSessionSpineAngles(@TempDir Path dir) throws Exception {
        Scenario sc;
        try (InputStream in = getClass().getResourceAsStream("/io/midback/live/two-live.scenario")) {
            sc = Scenario.parse("two-live.scenario", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "two-live");
        }
        SimulatorConfig cfg = SimulatorConfig.defaults().withRate(100).withSeed(7);
        try (SocatPair up = SocatPair.require(Files.createDirectories(dir.resolve("up")));
             SocatPair low = SocatPair.require(Files.createDirectories(dir.resolve("low")))) {
            VirtualSensor upper = serve(new VirtualSensor(sc, cfg, Site.THORAX, null), up.a().toString());
            VirtualSensor lower = serve(new VirtualSensor(sc, cfg, Site.SACRUM, null), low.a().toString());
            LowerSensorField field = new LowerSensorField("");
            ScenarioSupport.named(field, "lowerPort", javax.swing.JTextField.class).setText(low.b().toString()); // typed in
            String port = up.b().toString();
            SampleSource source = field.attachTo(new LiveSource(port, () -> new SerialTransport(port, 115_200),
                    LiveSource.defaultLinkSettings()));
            SessionBuilder session = new SessionBuilder(source.spec(PostureSettings.defaults(), Clock.systemUTC()));
            DoubleAccumulator flexionMaxDeg = new DoubleAccumulator(Math::max, Double.NEGATIVE_INFINITY);
            AtomicLong spineFrames = new AtomicLong();
            session.addPostureListener(f -> {
                if (f.spineValid) {
                    spineFrames.incrementAndGet();
                    flexionMaxDeg.accumulate(f.spineFlexionDeg);
                }
            });
            SampleSink sink = session.start();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    source.run(sink);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try {
                Poll.until(() -> flexionMaxDeg.get() > 24 && spineFrames.get() > 300, Duration.ofSeconds(40),
                        () -> "spine angles: " + spineFrames.get() + " frames, flexion max " + flexionMaxDeg.get()
                                + "; link: " + source.linkNote());
            } finally {
                source.stop();
                upper.close();
                lower.close();
            }
            run.get(10, TimeUnit.SECONDS);
            System.out.printf(java.util.Locale.ROOT, "LiveSourceTwoSensorsTest: %d frames with spine angles, spine "
                    + "flexion max %.1f°%n", spineFrames.get(), flexionMaxDeg.get());
            assertTrue(flexionMaxDeg.get() < 40, "the slump's spine flexion: " + flexionMaxDeg.get());
        }
    }

    private static VirtualSensor serve(VirtualSensor sensor, String port) {
        Thread t = new Thread(() -> {
            try {
                sensor.serve(port, () -> new SerialTransport(port, 115_200), new ReconnectingLink.Settings(
                        Duration.ofDays(1), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(60)));
            } catch (Exception e) {
                // the test's poll says what did not come
            }
        }, "virtual-sensor " + port);
        t.setDaemon(true);
        t.start();
        return sensor;
    }
}
