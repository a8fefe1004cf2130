package io.midback.recording;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Runs a parser on a thread of its own, ahead of the sink: the parser fills batches from a small pool and hands
 * each one over full; the calling thread takes them in order and gives each to the sink, then returns it to the
 * pool. Gaps, the end and a failure travel in the same queue, so the sink sees exactly the calls, in exactly the
 * order, that it would see with the parser on its own thread.
 *
 * <pre>
 *   parser thread                     calling thread
 *   fill ── hand(full) ──▶ [ready: batch, gap, batch, …, end | failure] ──▶ sink.accept / gap / end
 *     ▲                                                                        │
 *     └──────────── [free batches] ◀──────── returned once accept is done ◀────┘
 * </pre>
 *
 * <p>Work the sink lets a source do ahead ({@link SampleSink#ahead()}: the orientation filter) runs on the parser
 * thread, on each full batch before it is handed over, so that it and the sink run side by side.
 *
 * <p>Nothing is allocated per sample or per batch in the steady state (the pool is made once; the queues are
 * array deques that stop growing); a gap costs one small object. If the sink throws, the parser is told to stop at
 * its next hand-over and the sink's exception is rethrown; if the parser fails, everything it handed over before
 * the failure reaches the sink first, then the parser's exception is rethrown on the calling thread.
 */
final class ReadAhead {

    /** What the parser calls instead of a sink. */
    interface Outlet {
        /** Hands over a batch (possibly empty); returns an empty batch to fill next. */
        SampleBatch hand(SampleBatch full);

        /** A gap between the batch just handed over and the next. */
        void gap(double fromS, double toS, String reason);
    }

    /** The parser: reads everything through the outlet, starting with the batch given. */
    interface Parser {
        void run(Outlet out, SampleBatch first);
    }

    /** Thrown inside the parser thread when the calling thread has given up; never leaves this class. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private record Gap(double fromS, double toS, String reason) {
    }

    private static final Object END = new Object();

    private final ArrayDeque<Object> ready;
    private final ArrayDeque<SampleBatch> free;
    private final String name;
    private boolean cancelled;

    private ReadAhead(String name, int batches, int batchSize, int extraColumns) {
        this.name = name;
        ready = new ArrayDeque<>(batches * 2);
        free = new ArrayDeque<>(batches);
        for (int i = 0; i < batches; i++) {
            free.add(new SampleBatch(batchSize, extraColumns));
        }
    }

    /** Parses on the calling thread, straight into the sink. */
    static void inline(Parser parser, SampleSink sink, int batchSize, int extraColumns) {
        parser.run(new Outlet() {
            @Override
            public SampleBatch hand(SampleBatch full) {
                if (!full.isEmpty()) {
                    sink.accept(full);
                    full.clear();
                }
                return full;
            }

            @Override
            public void gap(double fromS, double toS, String reason) {
                sink.gap(fromS, toS, reason);
            }
        }, new SampleBatch(batchSize, extraColumns));
        sink.end();
    }

    /**
     * Parses on a new thread while the calling thread feeds the sink; returns once the sink has had its
     * {@link SampleSink#end()} and the parser thread has finished. {@code name} (the file) names the thread and
     * the error if the calling thread is interrupted while it waits.
     */
    static void run(Parser parser, SampleSink sink, int batches, int batchSize, int extraColumns, String name) {
        ReadAhead ahead = new ReadAhead(name, batches, batchSize, extraColumns);
        Consumer<SampleBatch> stage = sink.ahead();
        Thread thread = new Thread(() -> ahead.produce(parser, stage), "read-ahead " + name);
        thread.setDaemon(true);
        thread.start();
        try {
            ahead.feed(sink);
        } finally {
            ahead.cancel();
            joinUninterruptibly(thread);
        }
    }

    private void produce(Parser parser, Consumer<SampleBatch> stage) {
        Object last;
        try {
            SampleBatch first;
            synchronized (this) {
                first = free.removeFirst();
            }
            parser.run(new Outlet() {
                @Override
                public SampleBatch hand(SampleBatch full) {
                    if (stage != null && !full.isEmpty()) {
                        stage.accept(full);
                    }
                    return handOver(full);
                }

                @Override
                public void gap(double fromS, double toS, String reason) {
                    put(new Gap(fromS, toS, reason));
                }
            }, first);
            last = END;
        } catch (Cancelled e) {
            return;
        } catch (Throwable e) {
            last = e;
        }
        synchronized (this) {
            if (!cancelled) {
                ready.addLast(last);
                notifyAll();
            }
        }
    }

    private synchronized SampleBatch handOver(SampleBatch full) {
        if (!full.isEmpty()) {
            ready.addLast(full);
            notifyAll();
            while (free.isEmpty() && !cancelled) {
                awaitAsParser();
            }
        }
        if (cancelled) {
            throw new Cancelled();
        }
        if (full.isEmpty()) {
            return full;
        }
        SampleBatch next = free.removeFirst();
        next.clear();
        return next;
    }

    private synchronized void put(Object item) {
        if (cancelled) {
            throw new Cancelled();
        }
        ready.addLast(item);
        notifyAll();
    }

    private synchronized Object take() {
        while (ready.isEmpty()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
                notifyAll();
                throw new RecordingFormatException(name + ": reading interrupted");
            }
        }
        return ready.removeFirst();
    }

    private synchronized void giveBack(SampleBatch batch) {
        free.addLast(batch);
        notifyAll();
    }

    private synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    private void feed(SampleSink sink) {
        while (true) {
            Object item = take();
            if (item instanceof SampleBatch b) {
                sink.accept(b);
                giveBack(b);
            } else if (item instanceof Gap g) {
                sink.gap(g.fromS(), g.toS(), g.reason());
            } else if (item == END) {
                sink.end();
                return;
            } else if (item instanceof RuntimeException e) {
                throw e;
            } else if (item instanceof Error e) {
                throw e;
            } else {
                throw new IllegalStateException("the reading thread failed", (Throwable) item);
            }
        }
    }

    /** The parser thread is private to this class and stopped by {@link #cancel()}, never by an interrupt. */
    private void awaitAsParser() {
        try {
            wait();
        } catch (InterruptedException e) {
            cancelled = true;
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
