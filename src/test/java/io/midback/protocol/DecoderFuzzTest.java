package io.midback.protocol;

import io.midback.sensor.ImuSample;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Property-based fuzzing (jqwik, a bounded number of tries so CI spends a few seconds): random damage to
 * well-formed streams of every format. Decoders never throw; damage yields only well-formed samples; the counters
 * account for the bytes fed; a good frame after the damage decodes; frames the damage did not touch are all
 * decoded; for Midback (CRC-16 and an exact length per frame) no sample comes from a damaged frame.
 */
class DecoderFuzzTest {

    /** One kind of damage at a relative position (0..99999 of 100000) of the stream. */
    record Damage(int kind, int at, int value) {
        static final int FLIP = 0, DROP = 1, INSERT = 2, TRUNCATE_RUN = 3, GARBAGE_RUN = 4;
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 99_999),
                Arbitraries.integers().between(0, 255)).as(Damage::new);
    }

    /** Applies the damage; marks in {@code damaged} every frame it touched. */
    static byte[] apply(Streams.Stream s, List<Damage> damages, Set<Integer> damaged, long seed) {
        byte[] in = s.bytes();
        // positions in the original stream; process as a list of edits on the original indices
        int n = in.length;
        boolean[] drop = new boolean[n];
        List<List<Byte>> insertBefore = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            insertBefore.add(new ArrayList<>());
        }
        byte[] out = in.clone();
        java.util.Random r = new java.util.Random(seed);
        for (Damage d : damages) {
            int p = (int) ((long) d.at() * n / 100_000);
            int f = s.frameAt(p);
            damaged.add(f);
            switch (d.kind()) {
                case Damage.FLIP -> out[p] ^= (byte) (1 << (d.value() & 7));
                case Damage.DROP -> drop[p] = true;
                case Damage.INSERT -> insertBefore.get(p).add((byte) d.value());
                case Damage.TRUNCATE_RUN -> {
                    // cut the frame off part-way: drop from p to the end of its frame (keeping nothing of the rest)
                    int end = s.ends()[f];
                    for (int k = p; k < end; k++) {
                        drop[k] = true;
                    }
                }
                default -> {
                    for (int k = 0; k < 1 + d.value(); k++) {
                        insertBefore.get(p).add((byte) r.nextInt(256));
                    }
                }
            }
            // damage at a frame's last byte (its delimiter) or insertion at its start can join it to a neighbour
            if (p == s.ends()[f] - 1 || d.kind() == Damage.TRUNCATE_RUN) {
                damaged.add(f + 1);
            }
            if (f > 0 && p == s.ends()[f - 1]) {
                damaged.add(f - 1);
            }
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            insertBefore.get(i).forEach(o::write);
            if (!drop[i]) {
                o.write(out[i]);
            }
        }
        insertBefore.get(n).forEach(o::write);
        return o.toByteArray();
    }

    /**
     * Feeds the damaged stream, then two good frames (cycles, packets) from a stream the damage never saw, and
     * asserts what damage may yield: finite samples only; counters that account for every byte fed; the last good
     * frame after the damage decodes (the one before it may be lost while the decoder resynchronizes).
     */
    private static void check(Streams.Stream s, List<Damage> damages, int chunk, long seed, boolean strict,
                              boolean survivors) {
        Set<Integer> damaged = new HashSet<>();
        byte[] bytes = apply(s, damages, damaged, seed);
        Streams.Stream after = Streams.all(seed + 1, 2).stream().filter(x -> x.format() == s.format()
                && x.bytes()[0] == s.bytes()[0]).findFirst().orElseThrow();
        CollectingSink sink = new CollectingSink();
        ImuDecoder d = sink.decoder(s.format(), 100);
        for (int i = 0; i < bytes.length; i += chunk) {
            d.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        int samplesBeforeGood = sink.samples.size();
        int orientationsBeforeGood = sink.quaternions.size() + sink.eulers.size();
        long framesOkBeforeGood = d.stats().framesOk();
        long skippedBeforeGood = DecoderCounts.bytesSkipped(d.stats());
        d.feed(after.bytes());
        d.end();
        String context = s.format() + ": damage " + damages + " chunk " + chunk + " " + d.stats();
        List<String> got = sink.samples.subList(0, samplesBeforeGood).stream().map(Streams::key).toList();
        if (survivors) {
            // every sample of an untouched frame arrives, in order
            int at = 0;
            for (int f = 0; f < s.samplesPerFrame().size(); f++) {
                if (damaged.contains(f)) {
                    continue;
                }
                for (String k : s.samplesPerFrame().get(f)) {
                    int found = got.subList(at, got.size()).indexOf(k);
                    assertTrue(found >= 0, "sample of undamaged frame " + f + " lost; " + context);
                    at += found + 1;
                }
            }
        }
        if (strict) {
            Set<String> original = new HashSet<>();
            s.samplesPerFrame().forEach(original::addAll);
            for (String k : got) {
                assertTrue(original.contains(k), "a sample not sent: " + k + "; " + context);
            }
        }
        // Whatever the damage yields is a well-formed sample: finite time and accelerometer, and a finite gyroscope
        // or none at all (all three NaN: a text line of three numbers is an accelerometer-only sensor's).
        for (ImuSample x : sink.samples) {
            boolean gyroFinite = Double.isFinite(x.gxRadPerS()) && Double.isFinite(x.gyRadPerS())
                    && Double.isFinite(x.gzRadPerS());
            boolean noGyro = Double.isNaN(x.gxRadPerS()) && Double.isNaN(x.gyRadPerS()) && Double.isNaN(x.gzRadPerS());
            assertTrue(Double.isFinite(x.tS()) && (gyroFinite || noGyro && s.format() == WireFormat.TEXT)
                    && Double.isFinite(x.axMps2()) && Double.isFinite(x.ayMps2()) && Double.isFinite(x.azMps2()),
                    "a non-finite sample " + x + "; " + context);
        }
        assertTrue(sink.ended, "the sink saw the end; " + context);
        // The counters account for the bytes fed: what was not skipped lies in frames that decoded.
        DecoderStats st = d.stats();
        assertEquals(sink.samples.size(), st.samples(), context);
        assertTrue(st.framesCorrupt() >= 0 && DecoderCounts.samplesLost(st) >= 0
                && st.unknownMessages() <= st.framesOk(), context);
        int[] size = frameSizes(s);
        int inserted = bytes.length - s.bytes().length + removedBytes(s, damages);
        long kept = bytes.length - skippedBeforeGood;
        // (plus one partial frame still waiting for its end: it is counted when the next bytes settle it)
        assertTrue(kept >= 0 && kept <= (framesOkBeforeGood + 1) * (long) (size[1] + inserted), "bytes fed "
                + bytes.length + ", skipped " + skippedBeforeGood + ": more kept than " + framesOkBeforeGood
                + " frames of at most " + size[1] + " bytes (and one partial) hold; " + context);
        if (survivors) {
            long untouched = 0;
            for (int f = 0; f < s.ends().length; f++) {
                boolean samples = !s.samplesPerFrame().get(f).isEmpty(); // (a text banner's bytes count as skipped)
                untouched += damaged.contains(f) || !samples ? 0 : s.ends()[f] - (f == 0 ? 0 : s.ends()[f - 1]);
            }
            assertTrue(kept >= untouched, "skipped bytes of untouched frames: kept " + kept + " < " + untouched
                    + "; " + context);
        }
        if (size[0] == size[1] && s.format() != WireFormat.TEXT && s.format() != WireFormat.XIMU3) {
            // fixed-size frames: every byte fed is in exactly one good frame or counted as skipped
            long fed = bytes.length + after.bytes().length;
            assertEquals(fed, st.framesOk() * (long) size[0] / framesPerUnit(s) + DecoderCounts.bytesSkipped(st),
                    "frames × size + skipped = bytes fed; " + context);
        }
        // The last good frame after the damage decodes.
        List<String> lastFrame = after.samplesPerFrame().get(after.samplesPerFrame().size() - 1);
        if (lastFrame.isEmpty()) {
            assertTrue(sink.quaternions.size() + sink.eulers.size() > orientationsBeforeGood
                    || st.framesOk() > framesOkBeforeGood, "no good frame decoded after the damage; " + context);
        } else {
            List<String> tail = sink.samples.subList(Math.max(samplesBeforeGood, sink.samples.size()
                    - lastFrame.size()), sink.samples.size()).stream().map(Streams::key).toList();
            assertEquals(lastFrame, tail, "the good frame after the damage; " + context);
        }
    }

    /** Smallest and largest frame (cycle, packet, line) of the stream, in bytes. */
    private static int[] frameSizes(Streams.Stream s) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int f = 0; f < s.ends().length; f++) {
            int n = s.ends()[f] - (f == 0 ? 0 : s.ends()[f - 1]);
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        return new int[] {min, max};
    }

    /** Wire frames per stream unit: a WitMotion "frame" of the stream is a cycle of three wire frames. */
    private static int framesPerUnit(Streams.Stream s) {
        return s.format() == WireFormat.WITMOTION ? 3 : 1;
    }

    /** An upper bound on the bytes the damage removed (so that inserted = fed − original + removed). */
    private static int removedBytes(Streams.Stream s, List<Damage> damages) {
        int removed = 0;
        for (Damage d : damages) {
            if (d.kind() == Damage.DROP) {
                removed++;
            } else if (d.kind() == Damage.TRUNCATE_RUN) {
                removed += frameSizes(s)[1];
            }
        }
        return removed;
    }

    @Property(tries = 600)
    void midbackDamageCostsOnlyDamagedFramesAndNeverInventsSamples(
            @ForAll @Size(min = 1, max = 4) List<@From("damage") Damage> damages,
            @ForAll @IntRange(min = 1, max = 64) int chunk, @ForAll long seed) {
        check(Streams.midback(30, seed & 0xFF), damages, chunk, seed, true, true);
    }

    @Property(tries = 300)
    void lineFormatsLoseOnlyDamagedLines(@ForAll @Size(min = 1, max = 4) List<@From("damage") Damage> damages,
                                         @ForAll @IntRange(min = 1, max = 64) int chunk, @ForAll long seed) {
        check(Streams.ximu3(30, seed & 0xFF, true), damages, chunk, seed, false, true);
        check(Streams.ximu3(30, seed & 0xFF, false), damages, chunk, seed, false, true);
        check(Streams.text(30, seed & 0xFF), damages, chunk, seed, false, true);
    }

    @Property(tries = 300)
    void witMotionAndTeapotYieldOnlyWellFormedSamplesAndResync(@ForAll @Size(min = 1, max = 4) List<@From("damage") Damage> damages,
                                             @ForAll @IntRange(min = 1, max = 64) int chunk, @ForAll long seed) {
        check(Streams.witmotion(30, seed & 0xFF), damages, chunk, seed, false, false);
        check(Streams.teapot(30, seed & 0xFF), damages, chunk, seed, false, false);
    }

    @Property(tries = 200)
    void randomBytesNeverThrowFromAnyDecoder(@ForAll @Size(max = 3000) byte[] garbage,
                                             @ForAll @IntRange(min = 1, max = 300) int chunk) {
        for (WireFormat f : WireFormat.values()) {
            CollectingSink sink = new CollectingSink();
            ImuDecoder d = f.newDecoder(sink, 50);
            for (int i = 0; i < garbage.length; i += chunk) {
                d.feed(garbage, i, Math.min(chunk, garbage.length - i));
            }
            d.end();
            FormatDetector.detect(garbage, garbage.length);
            // Whatever garbage yields is still well formed: finite values, and no more bytes skipped than fed.
            for (ImuSample s : sink.samples) {
                assertTrue(Double.isFinite(s.tS()) && Double.isFinite(s.gxRadPerS()) && Double.isFinite(s.gyRadPerS())
                        && Double.isFinite(s.gzRadPerS()) && Double.isFinite(s.axMps2())
                        && Double.isFinite(s.ayMps2()) && Double.isFinite(s.azMps2()), f + ": " + s);
            }
            assertTrue(DecoderCounts.bytesSkipped(d.stats()) <= garbage.length, f + ": " + d.stats());
            assertTrue(DecoderCounts.bytesSkipped(d.stats()) >= 0 && d.stats().framesCorrupt() >= 0, f + ": " + d.stats());
        }
    }
}
