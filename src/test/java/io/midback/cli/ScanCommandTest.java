package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.midback.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ScanCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = MidbackCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonListsSerialPortsWithTheirFields() {
        Run r = run("scan", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertTrue(o.get("serialPorts").isJsonArray());
        // jSerialComm does not list pseudo-terminals, so a socat pair cannot stand in: the machine must offer a
        // port (a VM's /dev/ttyS0, a USB adapter) or the loop below checks nothing.
        Prerequisites.require(o.getAsJsonArray("serialPorts").size() > 0, "the OS offers no serial port, so the"
                + " scan's listing cannot be checked (a VM's /dev/ttyS0 or a USB serial adapter gives one)");
        for (var e : o.getAsJsonArray("serialPorts")) {
            JsonObject p = e.getAsJsonObject();
            assertTrue(p.has("port") && p.has("description") && p.has("usbId") && p.has("looksLike"), p.toString());
            String port = p.get("port").getAsString();
            assertTrue(!port.startsWith("/") || Files.exists(Path.of(port)), "a listed port that is not there: " + p);
            assertTrue(r.out().contains(port), p.toString());
        }
        Run table = run("scan");
        assertEquals(0, table.code(), table.err());
        for (var e : o.getAsJsonArray("serialPorts")) {
            String port = e.getAsJsonObject().get("port").getAsString();
            assertTrue(table.out().contains(port), "the table lists " + port + ":\n" + table.out());
        }
        assertFalse(o.has("bluetooth"), "no Bluetooth section without --bluetooth");
    }

    @Test
    void withoutABluetoothStackTheMessageSaysWhatToDoInOneLine() {
        Prerequisites.require(!Files.exists(Path.of("/sys/class/bluetooth")),
                "this machine has a Bluetooth adapter: the no-stack message cannot be seen here (run on one without)");
        Run r = run("scan", "--bluetooth", "--timeout", "1");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("Serial ports:"), r.out());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("midback scan: Bluetooth is not usable here"), r.err());
        assertTrue(last.contains("rfcomm bind") && last.contains("libbluetooth"), last);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
