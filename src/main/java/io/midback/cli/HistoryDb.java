package io.midback.cli;

import io.midback.history.HistoryException;
import io.midback.history.HistoryPaths;
import io.midback.history.HistoryStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --db FILE} option shared by the history commands (default: the user's data directory). */
public final class HistoryDb {
    @Option(names = "--db", paramLabel = "FILE",
            description = "History database (default: $XDG_DATA_HOME/midback/"
                    + "history.db or ~/.local/share/midback/history.db on Linux, ~/Library/Application Support/"
                    + "Midback on macOS, %%APPDATA%%\\Midback on Windows).")
    Path db;

    public Path path() {
        return db != null ? db : HistoryPaths.defaultDatabase();
    }

    /** The database's path, as a user error when there is no file there (for commands that change it). */
    Path pathOfExisting() {
        Path p = path();
        if (!java.nio.file.Files.isRegularFile(p)) {
            HistoryStore.openExisting(p).close(); // the one message for a missing history
        }
        return p;
    }

    /**
     * Opens an existing database for reading (read-only: a database in a read-only folder reads too), as a user
     * error when it is missing or unusable.
     */
    HistoryStore openExisting() {
        try {
            return HistoryStore.openForReading(path());
        } catch (HistoryException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
