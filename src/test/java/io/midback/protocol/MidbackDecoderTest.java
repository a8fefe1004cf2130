package io.midback.protocol;

import io.midback.sensor.ImuSample;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.midback.protocol.MidbackProtocol.*;
import static org.junit.jupiter.api.Assertions.*;

class MidbackDecoderTest {
    private static final double G = ImuUnits.G_MPS2;

    static short[] raw(int count, boolean mag, int seed) {
        short[] r = new short[count * (mag ? 9 : 6)];
        for (int i = 0; i < r.length; i++) {
            r[i] = (short) ((i * 7919 + seed * 104729) % 65536 - 32768);
        }
        return r;
    }

    @Test
    void crcCheckValue() {
        assertEquals(0x29B1, Crc16.of("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9));
    }

    @Test
    void cobsRoundTripsAndMatchesKnownEncodings() {
        assertArrayEquals(new byte[] {1, 1}, cobs(new byte[] {0}));
        assertArrayEquals(new byte[] {3, 0x11, 0x22, 2, 0x33}, cobs(new byte[] {0x11, 0x22, 0, 0x33}));
        byte[] longRun = new byte[300];
        for (int i = 0; i < longRun.length; i++) {
            longRun[i] = (byte) (i % 255 + 1);
        }
        byte[] enc = cobs(longRun);
        assertEquals((byte) 0xFF, enc[0]);
        byte[] dec = new byte[400];
        assertEquals(300, Cobs.decode(enc, 0, enc.length, dec, 0));
        assertArrayEquals(longRun, java.util.Arrays.copyOf(dec, 300));
    }

    private static byte[] cobs(byte[] in) {
        byte[] out = new byte[Cobs.maxEncodedLength(in.length)];
        return java.util.Arrays.copyOf(out, Cobs.encode(in, 0, in.length, out, 0));
    }

    @Test
    void imuBatchDecodesToExactScaledValues() {
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        short[] r = {16384, -8192, 32767, -32768, 1, 0, 100, -100, 2000};
        byte[] frame = enc.imuBatch(0, 1_000_000, 10_000, 4, 500, 4900, r, 1, true);
        CollectingSink s = new CollectingSink();
        s.decoder(WireFormat.MIDBACK, Double.NaN).feed(frame);
        assertEquals(1, s.samples.size());
        ImuSample x = s.samples.get(0);
        assertEquals(0.0, x.tS());
        assertEquals(16384 * 4 / 32768.0 * G, x.axMps2(), 0);
        assertEquals(2 * G, x.axMps2(), 1e-12);
        assertEquals(-1 * G, x.ayMps2(), 1e-12);
        assertEquals(-500 * Math.PI / 180, x.gxRadPerS(), 1e-12);
        assertEquals(1 * 500 / 32768.0 * Math.PI / 180, x.gyRadPerS(), 1e-15);
        assertEquals(100 * 4900 / 32768.0, x.mxMicroT(), 1e-12);
        assertEquals(1, s.batches);
    }

    @Test
    void timestampsUnwrapAcrossTheThirtyTwoBitClock() {
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        long t = 0xFFFFFFFFL - 15_000; // wraps inside the second batch
        for (int b = 0; b < 4; b++) {
            d.feed(enc.imuBatch(b * 2L, (t + b * 20_000L) & 0xFFFFFFFFL, 10_000, 2, 250, 0, raw(2, false, b), 2, false));
        }
        assertEquals(8, s.samples.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(i * 0.01, s.samples.get(i).tS(), 1e-9);
        }
        assertEquals(0, DecoderCounts.samplesLost(d.stats()));
        assertTrue(s.gaps.isEmpty());
    }

    @Test
    void sequenceGapCountsLostSamplesAndReportsAGap() {
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        d.feed(enc.imuBatch(0, 0, 10_000, 2, 250, 0, raw(5, false, 1), 5, false));
        d.feed(enc.imuBatch(15, 150_000, 10_000, 2, 250, 0, raw(5, false, 2), 5, false));
        assertEquals(10, DecoderCounts.samplesLost(d.stats()));
        assertEquals(List.of("0.04..0.15 10 samples lost (sequence gap)"), s.gaps);
        assertEquals(0.15, s.samples.get(5).tS(), 1e-12);
    }

    @Test
    void sampleCounterWrapIsNotALoss() {
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        d.feed(enc.imuBatch(0xFFFFFFFEL, 0, 10_000, 2, 250, 0, raw(4, false, 1), 4, false));
        d.feed(enc.imuBatch(2, 40_000, 10_000, 2, 250, 0, raw(4, false, 2), 4, false));
        assertEquals(0, DecoderCounts.samplesLost(d.stats()));
        assertEquals(8, s.samples.size());
    }

    @Test
    void deviceMessagesDecode() {
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        DeviceMessage.Info info = new DeviceMessage.Info(1, "1.2.3", 0xA4CF12345678L, "MPU-6050", 100, 4, 500, 0,
                DeviceMessage.CAP_VIBRATION_MOTOR | DeviceMessage.CAP_BATTERY_GAUGE, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(enc.info(info));
        out.writeBytes(enc.battery(3912, 87, true));
        out.writeBytes(enc.battery(3700, -1, false));
        out.writeBytes(enc.event(EVENT_BUTTON_PRESS, 123456789L, 1));
        out.writeBytes(enc.ack(7, CMD_START_STREAM));
        out.writeBytes(enc.nack(8, CMD_SET_RATE, NACK_BAD_ARGUMENT));
        out.writeBytes(enc.pong(9, 0xDEADBEEFL, 4000000000L));
        out.writeBytes(enc.log(2, "IMU FIFO overflow, résumé"));
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        d.feed(out.toByteArray());
        assertEquals(List.of(info, new DeviceMessage.Battery(3912, 87, true), new DeviceMessage.Battery(3700, -1, false),
                new DeviceMessage.Event(EVENT_BUTTON_PRESS, 123456789L, 1), new DeviceMessage.Ack(7, CMD_START_STREAM),
                new DeviceMessage.Nack(8, CMD_SET_RATE, NACK_BAD_ARGUMENT),
                new DeviceMessage.Pong(9, 0xDEADBEEFL, 4000000000L), new DeviceMessage.Log(2, "IMU FIFO overflow, résumé")),
                s.messages);
        assertEquals(8, d.stats().framesOk());
        assertEquals(0, d.stats().framesCorrupt());
    }

    @Test
    void unknownTypesAndLayoutsAreSkippedAndCounted() {
        byte[] unknown = MidbackFrames.frame(new byte[] {0x55, 3, 1, 2, 3}, 5);
        byte[] p = new MidbackDeviceEncoder().imuBatch(0, 0, 10_000, 2, 250, 0, raw(1, false, 0), 1, false);
        byte[] payload = new byte[64];
        int n = Cobs.decode(p, 0, p.length - 1, payload, 0) - 2;
        payload[20] |= 0x80; // a future layout flag
        byte[] future = MidbackFrames.frame(payload, n);
        byte[] good = new MidbackDeviceEncoder().imuBatch(0, 0, 10_000, 2, 250, 0, raw(1, false, 0), 1, false);
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        d.feed(concat(unknown, future, good));
        assertEquals(2, d.stats().unknownMessages());
        assertEquals(3, d.stats().framesOk());
        assertEquals(1, s.samples.size());
    }

    @Test
    void corruptFrameCostsOnlyItselfAndTheNextFrameDecodes() {
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        byte[] a = enc.imuBatch(0, 0, 10_000, 2, 250, 0, raw(3, false, 1), 3, false);
        byte[] b = enc.imuBatch(3, 30_000, 10_000, 2, 250, 0, raw(3, false, 2), 3, false);
        byte[] c = enc.imuBatch(6, 60_000, 10_000, 2, 250, 0, raw(3, false, 3), 3, false);
        b[10] ^= 0x04;
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        d.feed(concat(a, b, c, c.clone()));
        assertEquals(1, d.stats().framesCorrupt());
        assertEquals(b.length, DecoderCounts.bytesSkipped(d.stats()));
        assertEquals(3, DecoderCounts.samplesLost(d.stats()));
        // the duplicate of c: counter went back → treated as a restart, its samples still delivered
        assertEquals(9, s.samples.size());
    }

    @Test
    void endlessGarbageWithoutDelimiterKeepsMemoryBoundedAndRecovers() {
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        byte[] junk = new byte[1 << 16];
        java.util.Arrays.fill(junk, (byte) 0x37);
        for (int i = 0; i < 64; i++) {
            d.feed(junk);
        }
        d.feed(new byte[] {0});
        d.feed(new MidbackDeviceEncoder().imuBatch(0, 0, 10_000, 2, 250, 0, raw(2, false, 1), 2, false));
        assertEquals(2, s.samples.size());
        assertEquals(64L * junk.length + 1, DecoderCounts.bytesSkipped(d.stats()));
        assertEquals(1, d.stats().framesCorrupt());
    }

    @Test
    void commandsRoundTripThroughTheDeviceSideDecoder() {
        MidbackCommandEncoder enc = new MidbackCommandEncoder();
        List<HostCommand> got = new ArrayList<>();
        MidbackCommandDecoder dec = new MidbackCommandDecoder(got::add);
        byte[] all = concat(enc.getInfo(), enc.startStreaming(), enc.setRate(200),
                enc.vibrate(VIBRATE_DOUBLE, 600, 80), enc.stopStreaming(),
                // the host never sends these two: numbered by hand, after the ones it sends
                enc.encode(new HostCommand.Ping(5, 0xCAFEBABEL)), enc.encode(new HostCommand.SetRanges(6, 8, 1000)));
        for (byte x : all) {
            dec.feed(new byte[] {x});
        }
        assertEquals(List.of(new HostCommand.GetInfo(0), new HostCommand.StartStreaming(1), new HostCommand.SetRate(2, 200),
                new HostCommand.Vibrate(3, VIBRATE_DOUBLE, 600, 80), new HostCommand.StopStreaming(4),
                new HostCommand.Ping(5, 0xCAFEBABEL), new HostCommand.SetRanges(6, 8, 1000)), got);
    }

    @Test
    void witMotionCommandsMatchTheVendorBytes() {
        assertArrayEquals(hex("FF AA 69 88 B5"), WitMotionCommands.unlock());
        assertArrayEquals(hex("FF AA 00 00 00"), WitMotionCommands.save());
        assertArrayEquals(hex("FF AA 03 06 00"), WitMotionCommands.rate(10));
        assertArrayEquals(hex("FF AA 03 0B 00"), WitMotionCommands.rate(200));
        assertThrows(IllegalArgumentException.class, () -> WitMotionCommands.rate(33));
    }

    static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void ximu3BatteryAndNotificationMessagesBecomeDeviceMessages() {
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.XIMU3, Double.NaN);
        d.feed("B,918288723,100.0000,4.0053,0.0000\r\nN,20197220,Example notification 0\r\nT,1,25.0\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        d.end();
        assertEquals(List.of(new DeviceMessage.Battery(4005, 100, false), new DeviceMessage.Log(1, "Example notification 0")),
                s.messages);
        assertEquals(1, d.stats().unknownMessages());
        assertEquals(3, d.stats().framesOk());
    }
}
