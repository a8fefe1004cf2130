package io.midback.protocol;

/**
 * The rare messages a device sends besides samples: a sealed family of values, delivered to a
 * {@link DeviceMessageListener}. Samples never travel this way (they go to a {@link io.midback.sensor.SampleSink}).
 */
public sealed interface DeviceMessage {

    /** Capability bits of {@link Info#capabilities()}. */
    int CAP_MAGNETOMETER = 1;
    int CAP_VIBRATION_MOTOR = 2;
    int CAP_BATTERY_GAUGE = 4;
    int CAP_BUTTON = 8;

    /**
     * Who the device is and how it measures.
     *
     * @param protocolVersion  the Midback protocol version the device speaks
     * @param firmwareVersion  "major.minor.patch"
     * @param deviceId         the device's 64-bit id (e.g. its MAC address), as an unsigned value in a long
     * @param sensorModel      e.g. "MPU-6050", "ICM-20948"
     * @param rateHz           output data rate, samples per second
     * @param accelRangeG      accelerometer full scale, ± g
     * @param gyroRangeDps     gyroscope full scale, ± °/s
     * @param magRangeMicroT   magnetometer full scale, ± µT (0 = no magnetometer)
     * @param capabilities     bit set of {@code CAP_*}
     * @param samplesPerFrame  samples the device puts in one IMU batch
     */
    record Info(int protocolVersion, String firmwareVersion, long deviceId, String sensorModel, int rateHz,
                int accelRangeG, int gyroRangeDps, int magRangeMicroT, int capabilities, int samplesPerFrame)
            implements DeviceMessage {
        public boolean has(int capability) {
            return (capabilities & capability) != 0;
        }
    }

    /**
     * Battery state.
     *
     * @param millivolts battery voltage, mV
     * @param percent    charge 0–100, or -1 when the device does not know
     * @param charging   true while charging
     */
    record Battery(int millivolts, int percent, boolean charging) implements DeviceMessage {
    }

    /**
     * Something happened on the device (button press, low battery, FIFO overflow...).
     *
     * @param kind         one of the {@code EVENT_*} codes in {@link MidbackProtocol}
     * @param deviceMicros device clock when it happened, µs (32-bit, wraps)
     * @param argument     kind-specific value
     */
    record Event(int kind, long deviceMicros, int argument) implements DeviceMessage {
        public String kindName() {
            return MidbackProtocol.eventName(kind);
        }
    }

    /** The device accepted command {@code commandType} sent with sequence number {@code seq}. */
    record Ack(int seq, int commandType) implements DeviceMessage {
    }

    /** The device refused command {@code commandType} (seq {@code seq}) with {@code errorCode} ({@code NACK_*}). */
    record Nack(int seq, int commandType, int errorCode) implements DeviceMessage {
        public String errorName() {
            return MidbackProtocol.nackName(errorCode);
        }
    }

    /**
     * Answer to a ping, for round-trip and clock offset estimation.
     *
     * @param seq          sequence number of the ping
     * @param token        the host's token, echoed
     * @param deviceMicros device clock when the ping arrived, µs (32-bit, wraps)
     */
    record Pong(int seq, long token, long deviceMicros) implements DeviceMessage {
    }

    /** A line of the device's log. {@code level}: 0 debug, 1 info, 2 warning, 3 error. */
    record Log(int level, String text) implements DeviceMessage {
    }
}
