package io.midback.live;

import com.google.gson.JsonObject;
import com.intel.bluetooth.BlueCoveImpl;
import com.intel.bluetooth.EmulatorTestsHelper;
import io.midback.protocol.HostCommand;
import io.midback.transport.BluetoothSppServer;
import io.midback.transport.LinkState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.midback.live.LiveTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * (c) Over Bluecove's emulator stack: a virtual sensor offering SPP (its own emulated adapter, named
 * "Midback-7F3A" by bluecove.emulator.properties) is found by name by {@code midback live --bt}, connected,
 * streams, and gets the vibrate command when the wearer slumps. Runs in its own JVM (the pom's
 * bluetooth-emulator execution), like every *EmulatorTest.
 */
class LiveBluetoothEmulatorTest {

    @BeforeAll
    static void emulator() throws Exception {
        EmulatorTestsHelper.startInProcessServer();
        EmulatorTestsHelper.useThreadLocalEmulator();
        BlueCoveImpl.setDefaultThreadBluetoothStackID(BlueCoveImpl.getThreadBluetoothStackID());
    }

    @AfterAll
    static void stop() {
        EmulatorTestsHelper.stopInProcessServer();
    }

    @Test
    void sensorFoundByNameStreamsAndVibratesOnASlump() throws Exception {
        List<String> atSensor = new CopyOnWriteArrayList<>();
        CompletableFuture<Double> vibrated = new CompletableFuture<>();
        VirtualSensor sensor = new VirtualSensor(scenario("early-slump"), config(100), new VirtualSensor.Events() {
            @Override
            public void onVibrate(HostCommand.Vibrate command, double atS) {
                atSensor.add("vibrate at " + atS);
                vibrated.complete(atS);
            }

            @Override
            public void onCommand(HostCommand command, double atS) {
                atSensor.add(command + " at " + atS);
            }

            @Override
            public void onLink(LinkState state, String reason) {
                atSensor.add(state.label() + ": " + reason);
            }
        });
        CompletableFuture<Void> served = new CompletableFuture<>();
        Thread device = new Thread(() -> {
            try {
                EmulatorTestsHelper.useThreadLocalEmulator(null, "0B10000000AB"); // the sensor's own adapter
                sensor.serve("spp", () -> new BluetoothSppServer("Midback SPP"), VirtualSensor.serveSettings());
                served.complete(null);
            } catch (Throwable e) {
                served.completeExceptionally(e);
            } finally {
                BlueCoveImpl.shutdownThreadBluetoothStack();
            }
        }, "emulated sensor");
        device.setDaemon(true);
        device.start();
        try {
            Run live = run("live", "--bt", "midback-7f3a", "--bt-timeout", "10", "--format", "midback",
                    "--duration", "13", "--slump-dwell", "2", "--no-history", "--json");
            assertEquals(0, live.code(), live.err() + "\nat the sensor: " + atSensor);
            assertTrue(live.err().contains("btspp://0B10000000AB:"), "connected to the sensor: " + live.err());
            JsonObject j = live.json();
            assertTrue(j.get("samples").getAsLong() > 1000, "streamed for about 13 s at 100 Hz: " + j);
            assertEquals(0, j.get("framesCorrupt").getAsLong());
            assertTrue(j.getAsJsonArray("alerts").toString().contains("\"slump\""), j.toString());
            assertTrue(j.get("vibrations").getAsLong() >= 1, j.toString());
            double at = vibrated.get(5, TimeUnit.SECONDS);
            assertTrue(at > 5 && at < 13, "the vibration came with the slump: " + atSensor);
            assertTrue(sensor.vibrations() >= 1);
            assertTrue(atSensor.stream().anyMatch(s -> s.startsWith("StopStreaming")), "stopped at the end: "
                    + atSensor);
        } finally {
            sensor.close();
        }
    }
}
