package io.midback.transport;

import java.util.Locale;

/** Which supported sensor a device name (Bluetooth friendly name, USB product) looks like. */
public final class SensorNames {
    private SensorNames() {
    }

    /** The model a name suggests, or null: a hint for the user, never a decision about the wire format. */
    public static String match(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("midback")) {
            return "Midback sensor";
        }
        if (n.contains("x-imu3") || n.contains("ximu3") || n.contains("x-imu")) {
            return "x-io x-IMU3";
        }
        if (n.contains("wt901") || n.contains("bwt901") || n.contains("witmotion")) {
            return "WitMotion WT901";
        }
        if (n.startsWith("hc-06") || n.startsWith("hc-05")) {
            return "WitMotion BWT901CL (HC-06 module)";
        }
        return null;
    }
}
