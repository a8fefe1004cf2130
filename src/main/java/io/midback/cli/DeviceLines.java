package io.midback.cli;

import io.midback.protocol.DeviceMessage;
import io.midback.protocol.DeviceMessageListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * What a live sensor says about itself, one line on stderr each ({@code midback live: device: …}): its INFO once
 * (again only when it changes: a sensor that restarts or answers several requests repeats it), refusals, events,
 * battery and warnings from its log. Keeps the last INFO: the sensor's name and declared rate.
 */
final class DeviceLines implements DeviceMessageListener {
    private final PrintWriter err;
    private final String command;
    private volatile DeviceMessage.Info info;
    private String infoLine; // guarded by this

    DeviceLines(PrintWriter err, String command) {
        this.err = err;
        this.command = command;
    }

    /** The sensor's last INFO, or null when it sent none (formats without, or not yet). */
    DeviceMessage.Info info() {
        return info;
    }

    /** The sensor's model as its INFO names it (trimmed), or null when it sent none or a blank one. */
    String reportedModel() {
        DeviceMessage.Info i = info;
        return i != null && i.sensorModel() != null && !i.sensorModel().isBlank() ? i.sensorModel().trim() : null;
    }

    @Override
    public void onMessage(DeviceMessage m) {
        String line = null;
        if (m instanceof DeviceMessage.Info i) {
            info = i;
            line = describe(i);
            synchronized (this) {
                if (line.equals(infoLine)) {
                    return;
                }
                infoLine = line;
            }
        } else if (m instanceof DeviceMessage.Nack n) {
            line = String.format(Locale.ROOT, "device refused command 0x%02x: %s", n.commandType(), n.errorName());
        } else if (m instanceof DeviceMessage.Event e) {
            line = "device event: " + e.kindName() + (e.argument() != 0 ? " (" + e.argument() + ")" : "");
        } else if (m instanceof DeviceMessage.Battery b) {
            line = "device battery: " + (b.percent() >= 0 ? b.percent() + " %, " : "") + b.millivolts() + " mV"
                    + (b.charging() ? ", charging" : "");
        } else if (m instanceof DeviceMessage.Log l && l.level() >= 2) {
            line = "device log: " + l.text();
        }
        if (line != null) {
            synchronized (err) {
                err.println("midback " + command + ": " + line);
                err.flush();
            }
        }
    }

    static String describe(DeviceMessage.Info i) {
        return String.format(Locale.ROOT, "device: %s, firmware %s, protocol %d, %d Hz, ±%d g, ±%d °/s%s%s",
                i.sensorModel(), i.firmwareVersion(), i.protocolVersion(), i.rateHz(), i.accelRangeG(),
                i.gyroRangeDps(), i.has(DeviceMessage.CAP_MAGNETOMETER) ? ", magnetometer" : "",
                i.has(DeviceMessage.CAP_VIBRATION_MOTOR) ? ", vibration motor" : "");
    }
}
