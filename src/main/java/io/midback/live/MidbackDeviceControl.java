package io.midback.live;

import io.midback.protocol.MidbackCommandEncoder;
import io.midback.protocol.MidbackProtocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Device commands for Midback-protocol sensors: info, the rate (when one is asked for) and start on every
 * connection; stop at the end; a double buzz on a slump. For a stream whose format is still being recognised,
 * {@code isMidback} says whether it turned out to be Midback: the connect commands go out anyway (a Midback
 * sensor stays silent until started; other sensors ignore the frames), the vibration only to a Midback sensor.
 */
public final class MidbackDeviceControl implements LiveSession.DeviceControl {
    private final MidbackCommandEncoder encoder = new MidbackCommandEncoder();
    private final int rateHz;
    private final BooleanSupplier isMidback;

    /** @param rateHz the rate to ask for, or 0 to keep the device's own */
    public MidbackDeviceControl(int rateHz) {
        this(rateHz, () -> true);
    }

    public MidbackDeviceControl(int rateHz, BooleanSupplier isMidback) {
        this.rateHz = rateHz;
        this.isMidback = isMidback;
    }

    @Override
    public synchronized List<byte[]> onConnect() {
        List<byte[]> cmds = new ArrayList<>(3);
        cmds.add(encoder.getInfo());
        if (rateHz > 0) {
            cmds.add(encoder.setRate(rateHz));
        }
        cmds.add(encoder.startStreaming());
        return cmds;
    }

    @Override
    public synchronized List<byte[]> onStop() {
        return isMidback.getAsBoolean() ? List.of(encoder.stopStreaming()) : List.of();
    }

    @Override
    public synchronized byte[] vibrate() {
        return isMidback.getAsBoolean() ? encoder.vibrate(MidbackProtocol.VIBRATE_DOUBLE, 600, 80) : null;
    }
}
