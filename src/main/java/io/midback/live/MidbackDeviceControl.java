package io.midback.live;

import io.midback.protocol.MidbackCommandEncoder;
import io.midback.protocol.MidbackProtocol;

import java.util.List;

/** Device commands for Midback-protocol sensors: rate + start on connect, stop at the end, vibrate on a slump. */
public final class MidbackDeviceControl implements LiveSession.DeviceControl {
    private final MidbackCommandEncoder encoder = new MidbackCommandEncoder();
    private final int rateHz;

    public MidbackDeviceControl(int rateHz) {
        this.rateHz = rateHz;
    }

    @Override
    public synchronized List<byte[]> onConnect() {
        return List.of(encoder.getInfo(), encoder.setRate(rateHz), encoder.startStreaming());
    }

    @Override
    public synchronized List<byte[]> onStop() {
        return List.of(encoder.stopStreaming());
    }

    @Override
    public synchronized byte[] vibrate() {
        return encoder.vibrate(MidbackProtocol.VIBRATE_DOUBLE, 600, 80);
    }
}
