package io.midback.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A link that outlives its transports: a watchdog notices when the port vanished or no byte arrived for a while,
 * closes the transport and opens a fresh one with exponential backoff, until it connects again or the give-up
 * time passes. Every byte read before a drop has already gone to the listener; the listener sees each state
 * change with its reason ({@link LinkState#CONNECTED}, {@link LinkState#DISCONNECTED},
 * {@link LinkState#RECONNECTING}, {@link LinkState#GIVEN_UP}, {@link LinkState#CLOSED}).
 */
public final class ReconnectingLink implements AutoCloseable {

    /**
     * @param watchdog     no byte for this long counts as a dropped link
     * @param firstBackoff wait before the first reconnect attempt; doubled after each failure
     * @param maxBackoff   longest wait between attempts
     * @param giveUpAfter  stop trying once the link has been down this long
     */
    public record Settings(Duration watchdog, Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(3), Duration.ofMillis(250),
                Duration.ofSeconds(5), Duration.ofMinutes(5));

        public Settings {
            Objects.requireNonNull(watchdog, "watchdog");
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(giveUpAfter, "giveUpAfter");
            if (watchdog.isNegative() || watchdog.isZero()) {
                throw new IllegalArgumentException("watchdog must be positive: " + watchdog);
            }
            if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
                throw new IllegalArgumentException("need 0 <= firstBackoff <= maxBackoff");
            }
        }
    }

    private final Supplier<ByteTransport> factory;
    private final Settings settings;
    private final LinkListener listener;
    private final String name;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final CompletableFuture<LinkState> ended = new CompletableFuture<>();
    private volatile long lastByteNanos;
    private volatile LinkState state = LinkState.CONNECTING;
    private volatile ByteTransport current;
    private String lostReason; // guarded by lock
    private boolean closing; // guarded by lock
    private Thread supervisor;
    private int reconnects;

    /**
     * @param name     what the link connects to, for messages
     * @param factory  makes a fresh, unopened transport for each attempt
     */
    public ReconnectingLink(String name, Supplier<ByteTransport> factory, Settings settings, LinkListener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Connects for the first time (a failure here is the user's to fix, so it is thrown, not retried) and starts
     * the watchdog.
     */
    public void start() throws IOException {
        if (supervisor != null) {
            throw new IllegalStateException("already started");
        }
        listener.onState(LinkState.CONNECTING, name);
        connectOnce();
        setState(LinkState.CONNECTED, name);
        supervisor = new Thread(this::supervise, "midback-link " + name);
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void connectOnce() throws IOException {
        ByteTransport t = factory.get();
        lastByteNanos = System.nanoTime();
        t.open(new LinkListener() {
            @Override
            public void onBytes(byte[] buf, int off, int len) {
                lastByteNanos = System.nanoTime();
                listener.onBytes(buf, off, len);
            }

            @Override
            public void onState(LinkState s, String reason) {
                if (s == LinkState.DISCONNECTED) {
                    lost(reason);
                }
            }
        });
        lastByteNanos = System.nanoTime();
        current = t;
    }

    private void lost(String reason) {
        lock.lock();
        try {
            if (lostReason == null) {
                lostReason = reason;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void supervise() {
        try {
            while (true) {
                String reason = awaitDrop();
                if (reason == null) {
                    return;
                }
                closeCurrent();
                setState(LinkState.DISCONNECTED, reason);
                if (!reconnect(reason)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits while the link is healthy; returns why it dropped, or null when closing. */
    private String awaitDrop() throws InterruptedException {
        long watchdogNanos = settings.watchdog().toNanos();
        lock.lock();
        try {
            while (true) {
                if (closing) {
                    return null;
                }
                if (lostReason != null) {
                    String r = lostReason;
                    lostReason = null;
                    return r;
                }
                long idleNanos = System.nanoTime() - lastByteNanos;
                if (idleNanos >= watchdogNanos) {
                    return "no data from " + name + " for " + seconds(idleNanos) + " s";
                }
                changed.awaitNanos(watchdogNanos - idleNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Tries until connected (true), closed or given up (false). */
    private boolean reconnect(String why) throws InterruptedException {
        long downSince = System.nanoTime();
        long delayNanos = settings.firstBackoff().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            setState(LinkState.RECONNECTING, why + "; attempt " + attempt + " in " + seconds(delayNanos) + " s");
            if (!waitUnlessClosing(delayNanos)) {
                return false;
            }
            try {
                connectOnce();
                lock.lock();
                try {
                    lostReason = null;
                    if (closing) {
                        closeCurrent();
                        return false;
                    }
                } finally {
                    lock.unlock();
                }
                reconnects++;
                setState(LinkState.CONNECTED, name + " again after " + seconds(System.nanoTime() - downSince)
                        + " s down (attempt " + attempt + ")");
                return true;
            } catch (IOException | RuntimeException e) {
                why = ReaderThreadTransport.describe(e);
            }
            long downNanos = System.nanoTime() - downSince;
            if (downNanos >= settings.giveUpAfter().toNanos()) {
                setState(LinkState.GIVEN_UP, "no connection to " + name + " for " + seconds(downNanos) + " s ("
                        + attempt + " attempts); last error: " + why);
                ended.complete(LinkState.GIVEN_UP);
                return false;
            }
            delayNanos = Math.min(Math.max(delayNanos * 2, 1_000_000L), settings.maxBackoff().toNanos());
        }
    }

    private boolean waitUnlessClosing(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (!closing && left > 0) {
                left = changed.awaitNanos(left);
            }
            return !closing;
        } finally {
            lock.unlock();
        }
    }

    private void closeCurrent() {
        ByteTransport t = current;
        current = null;
        if (t != null) {
            t.close();
        }
    }

    private void setState(LinkState s, String reason) {
        state = s;
        listener.onState(s, reason);
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** Sends bytes if connected; returns false (and drops them) while the link is down. */
    public boolean write(byte[] data) {
        ByteTransport t = current;
        if (t == null || state != LinkState.CONNECTED) {
            return false;
        }
        try {
            t.write(data);
            return true;
        } catch (IOException e) {
            lost("write to " + name + " failed: " + ReaderThreadTransport.describe(e));
            return false;
        }
    }

    public LinkState state() {
        return state;
    }

    /** How many times the link has come back after a drop. */
    public int reconnects() {
        return reconnects;
    }

    /** Completes with {@link LinkState#GIVEN_UP} or {@link LinkState#CLOSED} when the link ends for good. */
    public CompletableFuture<LinkState> ended() {
        return ended;
    }

    @Override
    public void close() {
        Thread s;
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            changed.signalAll();
            s = supervisor;
        } finally {
            lock.unlock();
        }
        if (s != null && s != Thread.currentThread()) {
            try {
                s.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeCurrent();
        if (state != LinkState.GIVEN_UP) {
            setState(LinkState.CLOSED, name);
        }
        ended.complete(state);
    }
}
