package io.midback.ui;

import io.midback.history.HistoryPaths;
import io.midback.history.HistoryStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The window's history database ({@link HistoryPaths#defaultDatabase()}, the one {@code midback report} reads, or
 * {@code gui --db}'s), opened on first use off the event thread and shared by the sessions that write it and the
 * Today tab that reads it. A database that cannot be opened is reported once (with the whole reason) and the
 * window goes on without it until the user chooses another database, a fresh one, or none ({@link #use},
 * {@link #startFresh}, {@link #runWithout}).
 */
public final class HistoryAccess implements AutoCloseable {
    private final Consumer<String> notice;
    private volatile Path path; // read without the lock: the event thread never waits for a database
    private HistoryStore store;
    private boolean failed;

    /** @param path the database, or null to run without history; @param notice told why it cannot be opened */
    public HistoryAccess(Path path, Consumer<String> notice) {
        this.path = path;
        this.notice = notice;
    }

    /** The database in use, or null when the window runs without history. Any thread; never blocks. */
    public Path path() {
        return path;
    }

    /** The store, opened now if needed; null without history or when it cannot be opened. Blocks (I/O). */
    public synchronized HistoryStore store() {
        if (store == null && !failed && path != null) {
            try {
                store = HistoryStore.open(path);
            } catch (RuntimeException e) {
                failed = true;
                String why = e.getMessage() == null ? "cannot open the history " + path : e.getMessage();
                notice.accept(Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
            }
        }
        return store;
    }

    /** From now on, the database at {@code other} (opened at the next use). Blocks (I/O). */
    public synchronized void use(Path other) {
        close();
        path = other;
        failed = false;
    }

    /** From now on, no history: sessions are not saved and the Today tab is empty. */
    public synchronized void runWithout() {
        use(null);
    }

    /**
     * Keeps the database that cannot be opened aside, renamed {@code history.db.damaged-YYYYMMDD-HHMMSS} (with its
     * {@code -wal} and {@code -shm} files), and starts a fresh one at the same place. Returns where the old file
     * now is. Blocks (I/O).
     */
    public synchronized Path startFresh(LocalDateTime now) {
        Path db = path;
        if (db == null) {
            throw new IllegalStateException("no history database in use");
        }
        close();
        String suffix = ".damaged-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = db.resolveSibling(db.getFileName() + suffix);
        try {
            for (String part : new String[] {"", "-wal", "-shm"}) {
                Path f = db.resolveSibling(db.getFileName() + part);
                if (Files.exists(f)) {
                    Files.move(f, db.resolveSibling(db.getFileName() + suffix + part));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + db + " aside: " + e.getMessage(), e);
        }
        failed = false;
        return aside;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
