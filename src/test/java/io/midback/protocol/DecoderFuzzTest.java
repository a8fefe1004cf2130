package io.midback.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * well-formed streams of every format. Decoders never throw; frames the damage did not touch are all decoded;
 * for Midback (CRC-16 and an exact length per frame) no sample comes from a damaged frame.
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

    private static void check(Streams.Stream s, List<Damage> damages, int chunk, long seed, boolean strict,
                              boolean survivors) {
        Set<Integer> damaged = new HashSet<>();
        byte[] bytes = apply(s, damages, damaged, seed);
        CollectingSink sink = new CollectingSink();
        ImuDecoder d = sink.decoder(s.format(), 100);
        for (int i = 0; i < bytes.length; i += chunk) {
            d.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        d.end();
        List<String> got = sink.samples.stream().map(Streams::key).toList();
        if (survivors) {
            // every sample of an untouched frame arrives, in order
            int at = 0;
            for (int f = 0; f < s.samplesPerFrame().size(); f++) {
                if (damaged.contains(f)) {
                    continue;
                }
                for (String k : s.samplesPerFrame().get(f)) {
                    int found = got.subList(at, got.size()).indexOf(k);
                    assertTrue(found >= 0, s.format() + ": sample of undamaged frame " + f + " lost; damage "
                            + damages + " " + d.stats());
                    at += found + 1;
                }
            }
        }
        if (strict) {
            Set<String> original = new HashSet<>();
            s.samplesPerFrame().forEach(original::addAll);
            for (String k : got) {
                assertTrue(original.contains(k), "a sample not sent: " + k + " after damage " + damages);
            }
        }
        DecoderStats st = d.stats();
        assertTrue(st.framesOk() >= 0 && st.framesCorrupt() >= 0 && st.bytesSkipped() >= 0 && st.samplesLost() >= 0);
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
    void witMotionAndTeapotNeverThrowOnDamage(@ForAll @Size(min = 1, max = 4) List<@From("damage") Damage> damages,
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
            assertTrue(d.stats().bytesSkipped() <= garbage.length, f + ": " + d.stats());
            assertTrue(d.stats().bytesSkipped() >= 0 && d.stats().framesCorrupt() >= 0, f + ": " + d.stats());
        }
    }
}
