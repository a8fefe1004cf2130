package io.midback.live;

import io.midback.protocol.HostCommand;
import io.midback.protocol.MidbackCommandDecoder;
import io.midback.protocol.MidbackDeviceEncoder;
import io.midback.sensor.SampleBatch;
import io.midback.sim.Simulator;
import io.midback.transport.ByteTransport;
import io.midback.transport.LinkListener;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A virtual Midback sensor: streams a simulated scenario in real time over a byte link (a serial port, an SPP
 * server connection), speaking the Midback protocol, and obeys host commands (start/stop streaming, vibrate).
 * Frames of {@link #SAMPLES_PER_FRAME} samples leave when their last sample is due.
 */
public final class VirtualSensor {
    public static final int SAMPLES_PER_FRAME = 10;
    static final int ACCEL_RANGE_G = 8;
    static final int GYRO_RANGE_DPS = 1000;

    private final Simulator sim;
    private final MidbackDeviceEncoder encoder = new MidbackDeviceEncoder();
    private final AtomicInteger vibrations = new AtomicInteger();
    private volatile boolean streaming = true;

    public VirtualSensor(Simulator sim) {
        this.sim = sim;
    }

    public int vibrations() {
        return vibrations.get();
    }

    /** Streams the whole scenario over {@code link} in real time; returns at its end. */
    public void serve(ByteTransport link) throws IOException, InterruptedException {
        MidbackCommandDecoder commands = new MidbackCommandDecoder(this::onCommand);
        link.open(new LinkListener() {
            @Override
            public void onBytes(byte[] buf, int off, int len) {
                commands.feed(buf, off, len);
            }
        });
        double rateHz = sim.config().rateHz();
        long periodMicros = Math.round(1e6 / rateHz);
        SampleBatch batch = new SampleBatch(SAMPLES_PER_FRAME);
        short[] raw = new short[SAMPLES_PER_FRAME * 6];
        double accelFs = ACCEL_RANGE_G * 9.80665;
        double gyroFs = Math.toRadians(GYRO_RANGE_DPS);
        long start = System.nanoTime();
        long index = 0;
        while (sim.hasNext()) {
            batch.clear();
            int n = sim.fill(batch, SAMPLES_PER_FRAME);
            long dueNanos = start + Math.round((index + n) * 1e9 / rateHz);
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait); // real-time pacing of the device clock
            }
            for (int i = 0; i < n; i++) {
                raw[i * 6] = MidbackDeviceEncoder.toRaw(batch.axMps2[i], accelFs);
                raw[i * 6 + 1] = MidbackDeviceEncoder.toRaw(batch.ayMps2[i], accelFs);
                raw[i * 6 + 2] = MidbackDeviceEncoder.toRaw(batch.azMps2[i], accelFs);
                raw[i * 6 + 3] = MidbackDeviceEncoder.toRaw(batch.gxRadPerS[i], gyroFs);
                raw[i * 6 + 4] = MidbackDeviceEncoder.toRaw(batch.gyRadPerS[i], gyroFs);
                raw[i * 6 + 5] = MidbackDeviceEncoder.toRaw(batch.gzRadPerS[i], gyroFs);
            }
            if (streaming) {
                link.write(encoder.imuBatch(index, index * periodMicros, periodMicros, ACCEL_RANGE_G,
                        GYRO_RANGE_DPS, 0, raw, n, false));
            }
            index += n;
        }
    }

    private void onCommand(HostCommand c) {
        if (c instanceof HostCommand.StartStreaming) {
            streaming = true;
        } else if (c instanceof HostCommand.StopStreaming) {
            streaming = false;
        } else if (c instanceof HostCommand.Vibrate) {
            vibrations.incrementAndGet();
        }
    }
}
