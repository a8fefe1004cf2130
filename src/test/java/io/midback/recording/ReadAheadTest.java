package io.midback.recording;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class ReadAheadTest {

    /** A parser that writes samples 0..n-1 (t = i) in batches, with a gap before every sample in {@code gapsAt}. */
    private static ReadAhead.Parser counting(int n, int... gapsAt) {
        return (out, batch) -> {
            for (int i = 0; i < n; i++) {
                for (int g : gapsAt) {
                    if (g == i) {
                        batch = out.hand(batch);
                        out.gap(i - 1, i, "gap " + i);
                    }
                }
                batch.add(i, 0, 0, 0, 0, 0, 9.8, Double.NaN, Double.NaN, Double.NaN);
                if (batch.isFull()) {
                    batch = out.hand(batch);
                }
            }
            out.hand(batch);
        };
    }

    /** Writes down every call it gets, and on which thread. */
    private static final class Log implements SampleSink {
        final List<String> calls = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();

        @Override
        public void accept(SampleBatch b) {
            threads.add(Thread.currentThread());
            calls.add("batch " + b.size());
            for (int i = 0; i < b.size(); i++) {
                times.add(b.tS[i]);
            }
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            threads.add(Thread.currentThread());
            calls.add(reason);
        }

        @Override
        public void end() {
            threads.add(Thread.currentThread());
            calls.add("end");
        }
    }

    /**
     * A sink that lets the source work ahead: each batch is stamped on the parser's thread (its time column doubled
     * into the orientation's qw, a stand-in for the filter) before the sink sees it on the calling thread.
     */
    private static final class Stamped implements SampleSink {
        final Log log = new Log();
        final List<Thread> aheadThreads = new ArrayList<>();
        long aheadSamples;
        int unstamped;

        @Override
        public java.util.function.Consumer<SampleBatch> ahead() {
            return b -> {
                aheadThreads.add(Thread.currentThread());
                for (int i = 0; i < b.size(); i++) {
                    b.orientation().qw[i] = 2 * b.tS[i];
                }
                aheadSamples += b.size();
            };
        }

        @Override
        public void accept(SampleBatch b) {
            for (int i = 0; i < b.size(); i++) {
                unstamped += b.orientation().qw[i] == 2 * b.tS[i] ? 0 : 1;
            }
            log.accept(b);
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
            log.gap(fromS, toS, reason);
        }

        @Override
        public void end() {
            log.end();
        }
    }

    @Test
    void theSinksWorkAheadRunsOnTheParsersThreadOnEveryBatchBeforeTheSinkTakesIt() {
        ReadAhead.Parser parser = counting(10_000, 1, 2, 5000, 9999);
        Log inline = new Log();
        ReadAhead.inline(parser, inline, 64, 0);
        Stamped ahead = new Stamped();
        ReadAhead.run(parser, ahead, 3, 64, 0, "test");

        assertEquals(inline.calls, ahead.log.calls, "the same calls in the same order");
        assertEquals(10_000, ahead.aheadSamples, "every sample went through the work ahead once");
        assertEquals(0, ahead.unstamped, "every sample the sink took had been stamped ahead");
        assertFalse(ahead.aheadThreads.isEmpty());
        assertTrue(ahead.aheadThreads.stream().noneMatch(t -> t == Thread.currentThread()),
                "the work ahead runs on the parser's thread");
        assertTrue(ahead.log.threads.stream().allMatch(t -> t == Thread.currentThread()),
                "every sink call on the calling thread");
    }

    @Test
    void theSinkSeesTheSameCallsInTheSameOrderOnTheCallingThreadAsWithoutReadAhead() {
        ReadAhead.Parser parser = counting(10_000, 1, 2, 5000, 9999);
        Log inline = new Log();
        ReadAhead.inline(parser, inline, 64, 0);
        Log ahead = new Log();
        ReadAhead.run(parser, ahead, 3, 64, 0, "test");

        assertEquals(inline.calls, ahead.calls);
        assertEquals(10_000, ahead.times.size());
        for (int i = 0; i < ahead.times.size(); i++) {
            assertEquals(i, ahead.times.get(i), "sample " + i + " in order");
        }
        assertTrue(ahead.calls.containsAll(List.of("gap 1", "gap 2", "gap 5000", "gap 9999")), ahead.calls.toString());
        assertEquals("end", ahead.calls.get(ahead.calls.size() - 1));
        assertTrue(ahead.threads.stream().allMatch(t -> t == Thread.currentThread()),
                "every sink call on the calling thread");
    }

    @Test
    void aParserFailureArrivesAfterEverythingHandedOverBeforeIt() {
        ReadAhead.Parser failing = (out, batch) -> {
            for (int i = 0; i < 1000; i++) {
                batch.add(i, 0, 0, 0, 0, 0, 9.8, Double.NaN, Double.NaN, Double.NaN);
                if (batch.isFull()) {
                    batch = out.hand(batch);
                }
            }
            out.hand(batch);
            throw new RecordingFormatException("f.csv:1002: bad line");
        };
        Log log = new Log();
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> ReadAhead.run(failing, log, 2, 100, 0, "f.csv"));
        assertEquals("f.csv:1002: bad line", e.getMessage());
        assertEquals(1000, log.times.size(), "all samples handed over before the failure reached the sink");
        assertFalse(log.calls.contains("end"), "a failed read does not end the stream");
    }

    @Test
    void aSinkThatThrowsStopsTheParserAndItsExceptionLeaves() {
        AtomicInteger handed = new AtomicInteger();
        ReadAhead.Parser endless = (out, batch) -> {
            for (int i = 0; ; i++) {
                batch.add(i, 0, 0, 0, 0, 0, 9.8, Double.NaN, Double.NaN, Double.NaN);
                if (batch.isFull()) {
                    handed.incrementAndGet();
                    batch = out.hand(batch);
                }
            }
        };
        IllegalStateException stop = new IllegalStateException("stopped by the user");
        SampleSink stopper = new SampleSink() {
            int batches;

            @Override
            public void accept(SampleBatch b) {
                if (++batches == 3) {
                    throw stop;
                }
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReadAhead.run(endless, stopper, 4, 10, 0, "endless"));
        assertSame(stop, e);
        // run() returns only after the parser thread has ended: it stopped at a hand-over, at most a pool ahead.
        assertTrue(handed.get() <= 3 + 4 + 1, "the parser stopped soon after the sink: " + handed.get());
    }
}
