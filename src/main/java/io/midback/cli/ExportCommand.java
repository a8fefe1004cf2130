package io.midback.cli;

import io.midback.history.HistoryException;
import io.midback.history.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code midback export}: the whole history as CSV files or as a consistent copy of the database. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes everything in the history, for backup or analysis.",
                "FILE.db: a consistent copy of the database (safe while a session is recording).",
                "FILE.csv: the minutes (one row per session and minute), with FILE-events.csv and "
                        + "FILE-sessions.csv beside it."})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    HistoryDb db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.csv or FILE.db")
    Path out;

    @Option(names = "--force", description = "Replace existing output files (never done otherwise).")
    boolean force;

    @Override
    public Integer call() {
        String name = out.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try (HistoryStore store = db.openExisting()) {
            if (lower.endsWith(".db") || lower.endsWith(".sqlite") || lower.endsWith(".sqlite3")) {
                if (out.toAbsolutePath().normalize().equals(store.path().normalize())) {
                    throw new UserException("--out " + out + " is the history itself", 2, null);
                }
                clear(List.of(out));
                store.backupTo(out);
                System.err.println("wrote " + out);
            } else if (lower.endsWith(".csv")) {
                String base = name.substring(0, name.length() - 4);
                Path events = out.resolveSibling(base + "-events.csv");
                Path sessions = out.resolveSibling(base + "-sessions.csv");
                clear(List.of(out, events, sessions));
                store.exportCsv(out, events, sessions);
                System.err.println("wrote " + out + ", " + events + ", " + sessions);
            } else {
                throw new UserException("--out " + out + ": name the file .csv or .db", 2, null);
            }
        } catch (HistoryException e) {
            throw new UserException(e.getMessage(), e);
        }
        return 0;
    }

    private void clear(List<Path> files) {
        for (Path f : files) {
            if (Files.exists(f)) {
                if (!force) {
                    throw new UserException(f + " exists; choose another name or add --force to replace it");
                }
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UserException("cannot replace " + f + ": " + e.getMessage(), e);
                }
            }
        }
        Path parent = files.get(0).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserException("the folder " + parent + " does not exist");
        }
    }
}
