package io.midback.protocol;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Chunking, damage and garbage, for every decoder. */
class RobustnessTest {

    private static CollectingSink decode(Streams.Stream s, byte[] bytes, int... cuts) {
        CollectingSink sink = new CollectingSink();
        ImuDecoder d = sink.decoder(s.format(), 100);
        int from = 0;
        for (int c : cuts) {
            d.feed(bytes, from, c - from);
            from = c;
        }
        d.feed(bytes, from, bytes.length - from);
        d.end();
        return sink;
    }

    @Test
    void aStreamSplitAtEveryByteBoundaryDecodesTheSameAsWhole() {
        for (Streams.Stream s : Streams.all(1, 15)) {
            CollectingSink whole = decode(s, s.bytes());
            String expected = whole.transcript();
            assertFalse(expected.isEmpty(), s.format().toString());
            for (int k = 0; k <= s.bytes().length; k++) {
                assertEquals(expected, decode(s, s.bytes(), k).transcript(), s.format() + " split at " + k);
            }
            int[] everyByte = new int[s.bytes().length];
            for (int k = 0; k < everyByte.length; k++) {
                everyByte[k] = k;
            }
            assertEquals(expected, decode(s, s.bytes(), everyByte).transcript(), s.format() + " byte by byte");
        }
    }

    @Test
    void cleanStreamsDecodeEveryFrame() {
        for (Streams.Stream s : Streams.all(2)) {
            CollectingSink sink = decode(s, s.bytes());
            List<String> expected = new ArrayList<>();
            s.samplesPerFrame().forEach(expected::addAll);
            assertEquals(expected, sink.samples.stream().map(Streams::key).toList(), s.format().toString());
        }
    }

    /** Every single-bit flip in the first cycles of a WitMotion stream loses at most the damaged cycle. */
    @Test
    void everySingleBitFlipInWitMotionFramesIsCaughtByTheChecksum() {
        Streams.Stream s = Streams.witmotion(12, 3);
        List<String> all = new ArrayList<>();
        s.samplesPerFrame().forEach(all::addAll);
        for (int pos = 0; pos < s.ends()[3]; pos++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] b = s.bytes().clone();
                b[pos] ^= (byte) (1 << bit);
                CollectingSink sink = decode(s, b);
                List<String> got = sink.samples.stream().map(Streams::key).toList();
                int damaged = s.frameAt(pos);
                List<String> expected = new ArrayList<>(all);
                expected.remove(damaged);
                if (!got.equals(all)) { // a flip in the angle frame costs nothing
                    assertEquals(expected, got, "flip at byte " + pos + " bit " + bit);
                }
            }
        }
    }

    @Test
    void endlessGarbageKeepsMemoryBoundedAndTheNextGoodStreamDecodes() throws IllegalAccessException {
        Random r = new Random(4);
        byte[][] garbage = {new byte[1 << 16], new byte[1 << 16], new byte[1 << 16], new byte[1 << 16]};
        r.nextBytes(garbage[0]);
        java.util.Arrays.fill(garbage[1], (byte) 0x55); // WitMotion header forever
        for (int i = 0; i < garbage[2].length; i++) {
            garbage[2][i] = (byte) (i % 2 == 0 ? '$' : 2); // teapot header forever
            garbage[3][i] = (byte) (i % 3 == 0 ? 0xC9 : '1'); // x-IMU3 / text without a line end
        }
        for (Streams.Stream s : Streams.all(5)) {
            CollectingSink sink = new CollectingSink();
            ImuDecoder d = sink.decoder(s.format(), 100);
            long before = arrayBytes(d);
            for (int round = 0; round < 64; round++) {
                d.feed(garbage[round % garbage.length]);
            }
            assertEquals(before, arrayBytes(d), s.format() + ": buffers grew");
            int samplesBefore = sink.samples.size();
            d.feed(s.format() == WireFormat.MIDBACK ? new byte[] {0} : new byte[] {'\n'});
            d.feed(s.bytes());
            d.end();
            int expected = s.samplesPerFrame().stream().mapToInt(List::size).sum();
            assertTrue(sink.samples.size() - samplesBefore >= expected - 1,
                    s.format() + ": after garbage " + (sink.samples.size() - samplesBefore) + " of " + expected);
            // formats without a checksum may take some garbage for unknown messages; most of it must be skipped
            assertTrue(DecoderCounts.bytesSkipped(d.stats()) >= 0.9 * 64 * (1 << 16), s.format() + " " + d.stats());
        }
    }

    /** Total length of every array the decoder holds (its buffers; the batch is fixed too). */
    static long arrayBytes(Object o) throws IllegalAccessException {
        long total = 0;
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(o);
                if (v instanceof byte[] b) {
                    total += b.length;
                } else if (v instanceof double[] b) {
                    total += b.length;
                } else if (v instanceof CobsFramer framer) {
                    total += arrayBytes(framer);
                }
            }
        }
        return total;
    }
}
