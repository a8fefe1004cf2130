package io.midback.ui;

import io.midback.history.HistoryPaths;
import io.midback.history.HistoryStore;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The window's history database ({@link HistoryPaths#defaultDatabase()}, the one {@code midback report} reads),
 * opened on first use off the event thread and shared by the sessions that write it and the Today tab that reads
 * it. A database that cannot be opened is reported once and the window goes on without it.
 */
public final class HistoryAccess implements AutoCloseable {
    private final Path path;
    private final Consumer<String> notice;
    private HistoryStore store;
    private boolean failed;

    public HistoryAccess(Path path, Consumer<String> notice) {
        this.path = path;
        this.notice = notice;
    }

    public static HistoryAccess defaults(Consumer<String> notice) {
        return new HistoryAccess(HistoryPaths.defaultDatabase(), notice);
    }

    public Path path() {
        return path;
    }

    /** The store, opened now if needed; null when it cannot be opened. Blocks (I/O): not on the event thread. */
    public synchronized HistoryStore store() {
        if (store == null && !failed) {
            try {
                store = HistoryStore.open(path);
            } catch (RuntimeException e) {
                failed = true;
                notice.accept("History not available (" + path + "): " + e.getMessage());
            }
        }
        return store;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
