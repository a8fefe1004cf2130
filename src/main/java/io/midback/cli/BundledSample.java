package io.midback.cli;

import io.midback.app.BesideProgram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sample recording shipped beside the program ({@code samples/slump-demo.csv.gz}), found relative to the
 * jar's (or classes folder's) location: {@code target/midback.jar} → {@code target/../samples}. The system
 * property {@code midback.samples.dir} overrides the folder.
 */
public final class BundledSample {
    public static final String NAME = "slump-demo.csv.gz";

    private BundledSample() {
    }

    public static Optional<Path> locate() {
        String override = System.getProperty("midback.samples.dir");
        if (override != null) {
            Path p = Path.of(override, NAME);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return BesideProgram.find("samples/" + NAME);
    }
}
