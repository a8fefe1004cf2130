package io.midback.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data beside the checkout ({@code ../shared}): real recordings that are not part of the project. Tests
 * that read it call {@link #require(String)}, which skips the test, saying why, when the folder is absent (and fails it under {@code CI=true}).
 * {@code -Dmidback.shared=DIR} points elsewhere.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String override = System.getProperty("midback.shared");
        if (override != null) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return base.resolveSibling("shared").normalize();
    }

    /** {@code root()/relative}, or skips the test (fails it under {@code CI=true}) when it is not there. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Prerequisites.require(Files.exists(p), p + " is absent: put the shared data beside the checkout in"
                + " ../shared, or set -Dmidback.shared=DIR to point elsewhere");
        return p;
    }
}
