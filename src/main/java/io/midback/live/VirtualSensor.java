package io.midback.live;

import io.midback.protocol.DeviceMessage;
import io.midback.protocol.HostCommand;
import io.midback.protocol.MidbackCommandDecoder;
import io.midback.protocol.MidbackDeviceEncoder;
import io.midback.protocol.MidbackFrames;
import io.midback.protocol.MidbackProtocol;
import io.midback.sensor.SampleBatch;
import io.midback.sim.Scenario;
import io.midback.sim.SensorClock;
import io.midback.sim.Simulator;
import io.midback.sim.Site;
import io.midback.sim.SimulatorConfig;
import io.midback.transport.ByteTransport;
import io.midback.transport.LinkListener;
import io.midback.transport.LinkState;
import io.midback.transport.ReconnectingLink;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A virtual Midback sensor: streams a simulated scenario in real time over a byte link (a serial port, an SPP
 * server connection), speaking the Midback protocol, and obeys host commands: GET_INFO (answers INFO),
 * START/STOP streaming, SET_RATE (1–1000 Hz; the simulation goes on at the new rate from the same moment),
 * VIBRATE (counted and reported), PING; every command is ACKed (or NACKed). Like a device with a battery gauge,
 * it reports its charge (full at the first START, draining over {@link #BATTERY_LIFE_S}) with the first samples and
 * every {@link #BATTERY_PERIOD_S} while streaming.
 *
 * <p>The scenario's clock starts with the first START, so a host that connects and starts sees the scenario
 * from its beginning; from then on it runs in real time whether or not samples are being sent (the wearer does
 * not stop moving while the link is down or streaming is stopped). Frames of {@link #SAMPLES_PER_FRAME} samples
 * leave when their last sample is due. The link is a {@link ReconnectingLink}: when the port vanishes (or the
 * Bluetooth client goes away) it is reopened, and streaming goes on where the scenario is by then.
 */
public final class VirtualSensor implements AutoCloseable {
    public static final int SAMPLES_PER_FRAME = 10;
    static final int ACCEL_RANGE_G = 8;
    static final int GYRO_RANGE_DPS = 1000;
    static final int MAG_RANGE_MICROT = 200;
    /** The device id the virtual sensor reports in its INFO. */
    public static final long DEVICE_ID = 0x0B10000000ABL;
    /** A BATTERY frame leaves with the first samples after START and then every this many seconds of streaming. */
    public static final double BATTERY_PERIOD_S = 60;
    /** The virtual battery: full at the first START, empty after this long, s (about a day's wear). */
    static final double BATTERY_LIFE_S = 12 * 3600;

    /** What happens at the device, for a console or a test. Called on the link's threads. */
    public interface Events {
        /** The host asked for a vibration ({@code atS}: scenario time). */
        default void onVibrate(HostCommand.Vibrate command, double atS) {
        }

        /** Streaming started or stopped, or the rate changed. */
        default void onCommand(HostCommand command, double atS) {
        }

        /** The link to the host changed state. */
        default void onLink(LinkState state, String reason) {
        }
    }

    private final Scenario scenario;
    private final Site site;
    private final SimulatorConfig baseConfig;
    private final Events events;
    private final MidbackDeviceEncoder encoder = new MidbackDeviceEncoder();
    private final Object encoderLock = new Object();
    private final AtomicInteger vibrations = new AtomicInteger();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong samplesSent = new AtomicLong();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean streaming;
    private volatile int requestedRateHz;
    private volatile double rateHz;
    private volatile long startNanos;
    private volatile ReconnectingLink link;

    public VirtualSensor(Scenario scenario, SimulatorConfig config, Events events) {
        this(scenario, config, Site.THORAX, events);
    }

    /**
     * A sensor at {@code site} on the simulated wearer: two virtual sensors of one scenario and seed, one on the
     * thorax and one on the sacrum, are the upper and the lower sensor of one person (their clocks start with each
     * one's first START).
     */
    public VirtualSensor(Scenario scenario, SimulatorConfig config, Site site, Events events) {
        this.site = Objects.requireNonNull(site, "site");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.baseConfig = Objects.requireNonNull(config, "config");
        this.events = events == null ? new Events() {
        } : events;
        this.rateHz = config.rateHz();
        this.requestedRateHz = (int) Math.round(config.rateHz());
    }

    public int vibrations() {
        return vibrations.get();
    }

    public long framesSent() {
        return framesSent.get();
    }

    /** Samples that left in frames (not those simulated while streaming was stopped or the link was down). */
    public long samplesSent() {
        return samplesSent.get();
    }

    /** The link settings for serving: the host rarely sends, so silence is no sign of a dead link. */
    public static ReconnectingLink.Settings serveSettings() {
        return new ReconnectingLink.Settings(Duration.ofDays(1), Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofDays(1));
    }

    /** Serves over one transport (no reconnection); see {@link #serve(String, Supplier, ReconnectingLink.Settings)}. */
    public void serve(ByteTransport transport) throws IOException, InterruptedException {
        boolean[] used = {false};
        serve(transport.name(), () -> {
            if (used[0]) {
                throw new IllegalStateException(transport.name() + " cannot be reopened");
            }
            used[0] = true;
            return transport;
        }, new ReconnectingLink.Settings(Duration.ofDays(1), Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    /**
     * Opens the link (blocking until a first connection), waits for the host's first START, streams the whole
     * scenario in real time and returns at its end, or when {@link #close()} is called or the link gives up.
     */
    public void serve(String name, Supplier<ByteTransport> transports, ReconnectingLink.Settings settings)
            throws IOException, InterruptedException {
        MidbackCommandDecoder commands = new MidbackCommandDecoder(this::onCommand);
        ReconnectingLink l = new ReconnectingLink(name, transports, settings, new LinkListener() {
            @Override
            public void onBytes(byte[] buf, int off, int len) {
                commands.feed(buf, off, len);
            }

            @Override
            public void onState(LinkState state, String reason) {
                events.onLink(state, reason);
                if (state == LinkState.GIVEN_UP) {
                    stopped.countDown();
                }
            }
        });
        link = l;
        l.start();
        try {
            stream(l);
        } finally {
            l.close();
        }
    }

    private void stream(ReconnectingLink l) throws InterruptedException {
        while (!started.await(100, TimeUnit.MILLISECONDS)) {
            if (stopped.getCount() == 0) {
                return;
            }
        }
        int stride = baseConfig.magnetometer() ? 9 : 6;
        SampleBatch batch = new SampleBatch(SAMPLES_PER_FRAME);
        SampleBatch skip = new SampleBatch(256);
        short[] raw = new short[SAMPLES_PER_FRAME * stride];
        byte[] frame = new byte[MidbackFrames.MAX_FRAME];
        double accelFs = ACCEL_RANGE_G * 9.80665;
        double gyroFs = Math.toRadians(GYRO_RANGE_DPS);
        double rate = rateHz;
        Simulator sim = new Simulator(scenario, baseConfig.withRate(rate), site, SensorClock.IDEAL);
        long start = startNanos;
        long index = 0;            // samples produced at the current rate (simulator position)
        double rateStartS = 0;     // scenario time at which the current rate began
        long sampleCounter = 0;    // the device's sample counter (all rates)
        double batteryDueS = 0;    // scenario time of the next BATTERY frame while streaming
        while (stopped.getCount() > 0) {
            int want = requestedRateHz;
            if (want != Math.round(rate)) {
                // The same wearer at a new rate: a simulator at that rate, fast-forwarded to now.
                double nowS = rateStartS + index / rate;
                rate = want;
                rateHz = rate;
                sim = new Simulator(scenario, baseConfig.withRate(rate), site, SensorClock.IDEAL);
                long skipTo = (long) Math.ceil(nowS * rate);
                while (sim.position() < skipTo && sim.hasNext()) {
                    skip.clear();
                    sim.fill(skip, (int) Math.min(256, skipTo - sim.position()));
                }
                rateStartS = sim.position() / rate;
                index = 0;
                start = startNanos + Math.round(rateStartS * 1e9);
            }
            if (!sim.hasNext()) {
                break;
            }
            batch.clear();
            int n = sim.fill(batch, SAMPLES_PER_FRAME);
            long due = start + Math.round((index + n) * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0 && stopped.await(wait, TimeUnit.NANOSECONDS)) {
                break; // real-time pacing of the device clock; close() ends it
            }
            for (int i = 0; i < n; i++) {
                int o = i * stride;
                raw[o] = MidbackDeviceEncoder.toRaw(batch.axMps2[i], accelFs);
                raw[o + 1] = MidbackDeviceEncoder.toRaw(batch.ayMps2[i], accelFs);
                raw[o + 2] = MidbackDeviceEncoder.toRaw(batch.azMps2[i], accelFs);
                raw[o + 3] = MidbackDeviceEncoder.toRaw(batch.gxRadPerS[i], gyroFs);
                raw[o + 4] = MidbackDeviceEncoder.toRaw(batch.gyRadPerS[i], gyroFs);
                raw[o + 5] = MidbackDeviceEncoder.toRaw(batch.gzRadPerS[i], gyroFs);
                if (stride == 9) {
                    raw[o + 6] = MidbackDeviceEncoder.toRaw(batch.mxMicroT[i], MAG_RANGE_MICROT);
                    raw[o + 7] = MidbackDeviceEncoder.toRaw(batch.myMicroT[i], MAG_RANGE_MICROT);
                    raw[o + 8] = MidbackDeviceEncoder.toRaw(batch.mzMicroT[i], MAG_RANGE_MICROT);
                }
            }
            if (streaming) {
                double t0S = rateStartS + index / rate;
                if (t0S >= batteryDueS) {
                    batteryDueS = t0S + BATTERY_PERIOD_S;
                    l.write(battery(t0S));
                }
                long t0Micros = Math.round(t0S * 1e6);
                int len;
                synchronized (encoderLock) {
                    len = encoder.imuBatch(sampleCounter, t0Micros, Math.round(1e6 / rate), ACCEL_RANGE_G,
                            GYRO_RANGE_DPS, stride == 9 ? MAG_RANGE_MICROT : 0, raw, n, stride == 9, frame, 0);
                }
                if (l.write(java.util.Arrays.copyOf(frame, len))) {
                    framesSent.incrementAndGet();
                    samplesSent.addAndGet(n);
                }
            }
            index += n;
            sampleCounter += n;
        }
    }

    /** The BATTERY frame at scenario time {@code atS}: the charge drains linearly, 4.15 V full to 3.50 V empty. */
    private byte[] battery(double atS) {
        double charge = Math.max(0, 1 - atS / BATTERY_LIFE_S);
        synchronized (encoderLock) {
            return encoder.battery((int) Math.round(3500 + 650 * charge), (int) Math.round(100 * charge), false);
        }
    }

    private double nowS() {
        long s = startNanos;
        return started.getCount() > 0 ? 0 : (System.nanoTime() - s) / 1e9;
    }

    private void onCommand(HostCommand c) {
        byte[] reply;
        synchronized (encoderLock) {
            if (c instanceof HostCommand.GetInfo) {
                boolean mag = baseConfig.magnetometer();
                reply = encoder.info(new DeviceMessage.Info(MidbackProtocol.VERSION, "0.1.0", DEVICE_ID,
                        "virtual " + scenario.name() + (site == Site.THORAX ? "" : " " + site.name()),
                        (int) Math.round(rateHz), ACCEL_RANGE_G, GYRO_RANGE_DPS,
                        mag ? MAG_RANGE_MICROT : 0,
                        DeviceMessage.CAP_VIBRATION_MOTOR | DeviceMessage.CAP_BATTERY_GAUGE
                                | (mag ? DeviceMessage.CAP_MAGNETOMETER : 0),
                        SAMPLES_PER_FRAME));
            } else if (c instanceof HostCommand.SetRate r && (r.rateHz() < 1 || r.rateHz() > 1000)) {
                reply = encoder.nack(c.seq(), MidbackProtocol.CMD_SET_RATE, MidbackProtocol.NACK_BAD_ARGUMENT);
            } else if (c instanceof HostCommand.Unknown u) {
                reply = encoder.nack(c.seq(), u.type(), MidbackProtocol.NACK_UNKNOWN_COMMAND);
            } else if (c instanceof HostCommand.Ping p) {
                reply = encoder.pong(c.seq(), p.token(), Math.round(nowS() * 1e6));
            } else {
                reply = encoder.ack(c.seq(), commandType(c));
            }
        }
        if (c instanceof HostCommand.StartStreaming) {
            if (started.getCount() > 0) {
                startNanos = System.nanoTime();
            }
            streaming = true;
            started.countDown();
            events.onCommand(c, nowS());
        } else if (c instanceof HostCommand.StopStreaming) {
            streaming = false;
            events.onCommand(c, nowS());
        } else if (c instanceof HostCommand.SetRate r && r.rateHz() >= 1 && r.rateHz() <= 1000) {
            requestedRateHz = r.rateHz();
            events.onCommand(c, nowS());
        } else if (c instanceof HostCommand.Vibrate v) {
            vibrations.incrementAndGet();
            events.onVibrate(v, nowS());
        }
        ReconnectingLink l = link;
        if (l != null) {
            l.write(reply);
        }
    }

    private static int commandType(HostCommand c) {
        if (c instanceof HostCommand.GetInfo) {
            return MidbackProtocol.CMD_GET_INFO;
        } else if (c instanceof HostCommand.StartStreaming) {
            return MidbackProtocol.CMD_START_STREAM;
        } else if (c instanceof HostCommand.StopStreaming) {
            return MidbackProtocol.CMD_STOP_STREAM;
        } else if (c instanceof HostCommand.SetRate) {
            return MidbackProtocol.CMD_SET_RATE;
        } else if (c instanceof HostCommand.SetRanges) {
            return MidbackProtocol.CMD_SET_RANGES;
        } else if (c instanceof HostCommand.Vibrate) {
            return MidbackProtocol.CMD_VIBRATE;
        } else if (c instanceof HostCommand.Ping) {
            return MidbackProtocol.CMD_PING;
        }
        return ((HostCommand.Unknown) c).type();
    }

    /** Ends {@link #serve} early; any thread. */
    @Override
    public void close() {
        stopped.countDown();
    }
}
