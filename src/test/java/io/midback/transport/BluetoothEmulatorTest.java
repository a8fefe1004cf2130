package io.midback.transport;

import com.intel.bluetooth.BlueCoveImpl;
import com.intel.bluetooth.EmulatorTestsHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Bluetooth SPP over Bluecove's emulator stack: discovery by name, SDP, connection, both directions. Bluecove's
 * stack is a process-wide singleton, so these tests run in their own JVM (the pom's bluetooth-emulator execution).
 */
class BluetoothEmulatorTest {

    @BeforeAll
    static void emulator() throws Exception {
        EmulatorTestsHelper.startInProcessServer();
        // The host's own emulated adapter, used by every thread that has none of its own (link, reader threads).
        EmulatorTestsHelper.useThreadLocalEmulator();
        BlueCoveImpl.setDefaultThreadBluetoothStackID(BlueCoveImpl.getThreadBluetoothStackID());
    }

    @AfterAll
    static void stop() {
        EmulatorTestsHelper.stopInProcessServer();
    }

    @Test
    void sensorIsFoundByNameConnectedAndTalksBothWays() throws Exception {
        try (EmulatedSppDevice sensor = new EmulatedSppDevice("0B10000000AB", "Midback SPP");
             EmulatedSppDevice other = new EmulatedSppDevice("0B10000000AC", "Speaker SPP")) {
            String url = BluetoothDiscovery.resolve("midback-7f3a", Duration.ofSeconds(10));
            assertTrue(url.startsWith("btspp://0B10000000AB:"), url);

            ByteArrayOutputStream got = new ByteArrayOutputStream();
            CompletableFuture<Void> all = new CompletableFuture<>();
            byte[] sent = "0123456789abcdef".repeat(500).getBytes(StandardCharsets.US_ASCII);
            try (BluetoothTransport t = new BluetoothTransport(url)) {
                t.open((buf, off, len) -> {
                    synchronized (got) {
                        got.write(buf, off, len);
                        if (got.size() >= sent.length) {
                            all.complete(null);
                        }
                    }
                });
                OutputStream toHost = sensor.awaitClient();
                toHost.write(sent);
                toHost.flush();
                all.get(10, TimeUnit.SECONDS);
                synchronized (got) {
                    assertArrayEquals(sent, got.toByteArray());
                }
                byte[] cmd = {0x02, 0x10, 0x7F, 0x00};
                t.write(cmd);
                assertArrayEquals(cmd, sensor.awaitReceived(cmd.length));
            }
        }
    }

    @Test
    void scanListsSppDevicesAndMarksTheSensor() throws Exception {
        try (EmulatedSppDevice sensor = new EmulatedSppDevice("0B10000000AB", "Midback SPP")) {
            List<BluetoothDevice> devices = BluetoothDiscovery.scan(Duration.ofSeconds(10));
            BluetoothDevice d = devices.stream().filter(x -> x.address().equals("0B10000000AB")).findFirst()
                    .orElseThrow(() -> new AssertionError("sensor not in " + devices));
            assertEquals("Midback-7F3A", d.name());
            assertTrue(d.offersSpp());
            assertEquals("Midback SPP", d.serviceName());
            assertEquals("Midback sensor", d.looksLike());
            assertEquals("0B:10:00:00:00:AB", d.colonAddress());
        }
    }

    @Test
    void scanCommandMarksTheSensorInJson() throws Exception {
        try (EmulatedSppDevice sensor = new EmulatedSppDevice("0B10000000AB", "Midback SPP")) {
            var cl = io.midback.cli.MidbackCommand.commandLine();
            var out = new java.io.StringWriter();
            cl.setOut(new java.io.PrintWriter(out));
            assertEquals(0, cl.execute("scan", "--bluetooth", "--json", "--timeout", "10"));
            var o = com.google.gson.JsonParser.parseString(out.toString().trim()).getAsJsonObject();
            var hit = o.getAsJsonArray("bluetooth").asList().stream().map(e -> e.getAsJsonObject())
                    .filter(d -> d.get("name").getAsString().equals("Midback-7F3A")).findFirst()
                    .orElseThrow(() -> new AssertionError(o.toString()));
            assertEquals("0B:10:00:00:00:AB", hit.get("address").getAsString());
            assertEquals("Midback sensor", hit.get("looksLike").getAsString());
            assertTrue(hit.get("sppUrl").getAsString().startsWith("btspp://0B10000000AB:"));
            assertTrue(o.get("bluetoothError").isJsonNull());
        }
    }

    @Test
    void anUnknownNameSaysWhatWasSeen() throws Exception {
        try (EmulatedSppDevice sensor = new EmulatedSppDevice("0B10000000AB", "Midback SPP")) {
            TransportException e = assertThrows(TransportException.class,
                    () -> BluetoothDiscovery.resolve("NoSuchSensor", Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("NoSuchSensor") && e.getMessage().contains("Midback-7F3A"),
                    e.getMessage());
        }
    }
}
