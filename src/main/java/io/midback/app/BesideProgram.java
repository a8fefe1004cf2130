package io.midback.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files shipped beside the program (the bundled sample, the README), found relative to the jar's (or classes
 * folder's) location, in up to three folders above it: {@code target/midback.jar} → {@code target/../samples};
 * the installed app's {@code lib/app/samples}. Also the program's version.
 */
public final class BesideProgram {
    private BesideProgram() {
    }

    /** The regular file {@code relative} in the program's folder or one of the three above it. */
    public static Optional<Path> find(String relative) {
        try {
            Path here = Path.of(BesideProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = here.getParent(); dir != null && here.getNameCount() - dir.getNameCount() <= 3;
                 dir = dir.getParent()) {
                Path p = dir.resolve(relative);
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source location (unusual class loader): nothing beside the program
        }
        return Optional.empty();
    }

    /** The program's version as built ("0.1.0"), or "development build" when run from classes. */
    public static String version() {
        String v = BesideProgram.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
