package io.midback.protocol;

import io.midback.sensor.SampleSink;

import java.util.Locale;

/** The wire formats Midback reads. */
public enum WireFormat {
    /** Midback's own protocol (firmware-protocol/PROTOCOL.md): COBS frames, CRC-16, device µs timestamps. */
    MIDBACK(false),
    /** WitMotion standard 11-byte frames (0x55 0x51–0x5A, checksum) and the BLE 0x55 0x61 packet. */
    WITMOTION(true),
    /** x-IMU3 ASCII and binary messages (device µs timestamps). */
    XIMU3(false),
    /** i2cdevlib MPU-6050 DMP "teapot" packets: orientation only. */
    TEAPOT(true),
    /** Plain text lines of six numbers (raw MPU-6050 Arduino output and the like), or three (accelerometer only). */
    TEXT(true);

    private final boolean needsRate;

    WireFormat(boolean needsRate) {
        this.needsRate = needsRate;
    }

    /** True when the format carries no device timestamps, so sample times come from a declared rate. */
    public boolean needsRate() {
        return needsRate;
    }

    /** The name used on the command line: midback, witmotion, ximu3, teapot, text. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name (case-insensitive); {@code null} for "auto". */
    public static WireFormat parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("auto")) {
            return null;
        }
        for (WireFormat f : values()) {
            if (f.cliName().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name
                + "' (expected auto, midback, witmotion, ximu3, teapot or text)");
    }

    /**
     * A fresh decoder of this format with default settings.
     *
     * @param rateHz sample rate for formats without device timestamps (ignored otherwise); must be positive
     *               for those
     */
    public ImuDecoder newDecoder(SampleSink sink, double rateHz) {
        return switch (this) {
            case MIDBACK -> new MidbackDecoder(sink);
            case WITMOTION -> new WitMotionDecoder(sink, rateHz);
            case XIMU3 -> new XImu3Decoder(sink);
            case TEAPOT -> new TeapotDecoder(sink, rateHz);
            case TEXT -> new TextLineDecoder(sink, rateHz, TextLineDecoder.Layout.MPU6050_RAW_DEFAULT);
        };
    }
}
