package io.midback.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
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
        for (var e : o.getAsJsonArray("serialPorts")) {
            JsonObject p = e.getAsJsonObject();
            assertTrue(p.has("port") && p.has("description") && p.has("usbId") && p.has("looksLike"), p.toString());
        }
        assertFalse(o.has("bluetooth"), "no Bluetooth section without --bluetooth");
    }

    @Test
    void withoutABluetoothStackTheMessageSaysWhatToDoInOneLine() {
        Assumptions.assumeFalse(Files.exists(Path.of("/sys/class/bluetooth")),
                "this machine has a Bluetooth adapter: the no-stack message cannot be seen here");
        Run r = run("scan", "--bluetooth", "--timeout", "1");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("Serial ports:"), r.out());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("midback scan: Bluetooth is not usable here"), r.err());
        assertTrue(last.contains("rfcomm bind") && last.contains("libbluetooth"), last);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
