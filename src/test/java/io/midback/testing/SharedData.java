package io.midback.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data beside the checkout ({@code ../shared}): real recordings that are not part of the project. Tests
 * that read it call {@link #require(String)}, which skips the test, saying why, when the folder is absent.
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

    /** {@code root()/relative}, or skips the test when it is not there. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p),
                () -> "skipped: " + p + " is absent (the shared data lives beside the checkout in ../shared;"
                        + " set -Dmidback.shared=DIR to point elsewhere)");
        return p;
    }
}
