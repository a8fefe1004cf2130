package io.midback.live;

import io.midback.protocol.MidbackDeviceEncoder;
import io.midback.protocol.WireFormat;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LiveDecoderTest {

    static byte[] midbackStream(int frames) {
        MidbackDeviceEncoder enc = new MidbackDeviceEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        short[] raw = new short[60];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (short) (i * 100);
        }
        for (int f = 0; f < frames; f++) {
            out.writeBytes(enc.imuBatch(f * 10L, f * 100_000L, 10_000, 8, 1000, 0, raw, 10, false));
        }
        return out.toByteArray();
    }

    static final class Count implements SampleSink {
        long samples;
        boolean ended;

        @Override
        public void accept(SampleBatch b) {
            samples += b.size();
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    @Test
    void autoRecognisesMidbackFromItsFirstBytesFedInSmallChunksAndTimesByDevice() {
        Count count = new Count();
        LiveTimeline timeline = new LiveTimeline(count, LiveTimeline.Mode.ARRIVAL, 100, System.nanoTime());
        List<String> problems = new ArrayList<>();
        LiveDecoder d = new LiveDecoder(timeline, null, 100, m -> { }, "/dev/x", problems::add);
        byte[] bytes = midbackStream(20);
        assertNull(d.format());
        for (int off = 0; off < bytes.length; off += 7) {
            d.feed(bytes, off, Math.min(7, bytes.length - off));
        }
        assertEquals(WireFormat.MIDBACK, d.format());
        assertEquals(LiveTimeline.Mode.DEVICE, timeline.mode());
        assertEquals(200, count.samples, "every sample, including those held during recognition");
        assertEquals(20, d.stats().framesOk());
        assertTrue(problems.isEmpty());
        d.end();
        assertTrue(count.ended);
    }

    @Test
    void autoGivesUpOnUnrecognisableBytesWithAMessageNamingThePort() {
        Count count = new Count();
        List<String> problems = new ArrayList<>();
        LiveDecoder d = new LiveDecoder(count, null, 100, m -> { }, "/dev/ttyUSB0", problems::add);
        byte[] noise = new byte[1000];
        new Random(3).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) ('A' + (noise[i] & 0x0F)); // letters only: no format's frames, no text numbers
        }
        for (int i = 0; i < 6; i++) {
            d.feed(noise, 0, noise.length);
        }
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("/dev/ttyUSB0: cannot recognise the data format"), problems.get(0));
        assertNull(d.format());
        assertEquals(0, count.samples);
    }

    @Test
    void aGivenFormatDecodesFromTheFirstByte() {
        Count count = new Count();
        LiveDecoder d = new LiveDecoder(count, WireFormat.MIDBACK, 100, m -> { }, "x", p -> fail(p));
        byte[] bytes = midbackStream(1);
        d.feed(bytes, 0, bytes.length);
        assertEquals(10, count.samples);
    }
}
