package io.midback.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a test needs from the machine (a tool on the PATH, a folder beside the checkout). Missing, the test is
 * skipped, saying what to install; under {@code CI=true} it fails instead, with the same message, so that nothing
 * a CI run was meant to check is silently left out.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    /** Whether this is a CI run ({@code CI=true}), where nothing may skip. */
    public static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    /** Skips the test with {@code why} when {@code present} is false; fails it under {@code CI=true}. */
    public static void require(boolean present, String why) {
        if (present) {
            return;
        }
        if (ci()) {
            Assertions.fail(why + " (CI=true: nothing may skip)");
        }
        Assumptions.abort("skipped: " + why);
    }

    /** The executable {@code name} on the PATH; skips (fails under CI) naming {@code install} when absent. */
    public static Path tool(String name, String install) {
        Path p = onPath(name);
        require(p != null, name + " is not on the PATH: install it (" + install + ")");
        return p;
    }

    /** The executable {@code name} on the PATH, or null. */
    public static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
