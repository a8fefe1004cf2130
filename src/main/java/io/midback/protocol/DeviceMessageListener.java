package io.midback.protocol;

/** Receives the device's rare non-sample messages (info, battery, events, acks, log). */
@FunctionalInterface
public interface DeviceMessageListener {
    DeviceMessageListener NONE = m -> { };

    void onMessage(DeviceMessage message);
}
