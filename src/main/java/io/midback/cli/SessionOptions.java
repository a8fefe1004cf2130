package io.midback.cli;

import io.midback.orientation.OrientationFilters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The options {@code replay} and {@code live} share ({@code @Mixin SessionOptions}): the orientation filter, the
 * JSON summary, quiet; checked as they are parsed (a bad one is a usage error naming the option), and the one
 * check of a {@code --rate}.
 */
public final class SessionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String filterName = OrientationFilters.DEFAULT;

    @Option(names = "--json", description = "End stdout with the summary as one JSON object.")
    boolean json;

    @Option(names = "--quiet", description = "No posture and alert lines on stderr while the session runs.")
    boolean quiet;

    @Option(names = "--filter", paramLabel = "NAME",
            description = "Orientation filter: ${COMPLETION-CANDIDATES}. Default: " + OrientationFilters.DEFAULT + ".",
            completionCandidates = FilterNames.class)
    void filter(String name) {
        if (!OrientationFilters.NAMES.contains(name)) {
            throw new ParameterException(spec.commandLine(), "--filter must be one of " + OrientationFilters.NAMES
                    + ", not '" + name + "'");
        }
        filterName = name;
    }

    public String filterName() {
        return filterName;
    }

    /** The input file of {@code replay} and {@code mobility}: it exists, and the {@code --rate} given is in range. */
    static void checkInput(Path file, Number rateHz, double minHz, double maxHz) {
        if (Files.isDirectory(file)) {
            throw new UserException(file + ": a folder, not a recording");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no such file");
        }
        checkRate(rateHz, minHz, maxHz);
    }

    /**
     * An output file ({@code option FILE}) that is not the same file as one read or written beside it
     * ({@code other}): writing it would destroy that one. A usage error (exit 2) naming both.
     */
    static void checkNotSameFile(String option, Path out, Path other, String otherIs) {
        if (out == null || other == null) {
            return;
        }
        boolean same = out.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
        try {
            same = same || Files.exists(out) && Files.exists(other) && Files.isSameFile(out, other);
        } catch (java.io.IOException e) {
            // cannot tell: the paths differ, and writing will say what goes wrong
        }
        if (same) {
            throw UserException.usage(option + " " + out + ": that is " + otherIs + "; give another file");
        }
    }

    /** A {@code --rate} above 0 and within {@code [minHz, maxHz]}, or a usage error (exit 2) naming the option. */
    static void checkRate(Number rateHz, double minHz, double maxHz) {
        double hz = rateHz == null ? Double.NaN : rateHz.doubleValue();
        if (rateHz != null && !(hz > 0 && hz >= minHz && hz <= maxHz)) {
            throw UserException.usage("--rate " + SessionConsole.number(hz) + ": give the sample rate in Hz, "
                    + (minHz > 0 ? "from " + SessionConsole.number(minHz) : "above 0") + " to "
                    + SessionConsole.number(maxHz));
        }
    }

    static final class FilterNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return OrientationFilters.NAMES.iterator();
        }
    }
}
