package io.midback.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where a session that is saved goes: {@code --db FILE} ({@link HistoryDb}) or {@code --no-history}. One definition
 * for {@code live} and {@code gui}, the commands whose sessions are saved unless asked otherwise.
 */
public final class SessionHistory {
    @Mixin
    HistoryDb db;

    @Option(names = "--no-history", description = "Do not save sessions in the history database (and do not open "
            + "it).")
    boolean off;

    /** The history database to save in, or null with {@code --no-history}. */
    public Path pathOrNull() {
        return off ? null : db.path();
    }
}
