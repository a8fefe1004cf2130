package io.midback.archfixture.lower;

import io.midback.archfixture.upper.Upper;

/** A deliberate layering fault for {@code ArchitectureTest}: the lower package uses the upper one (a cycle). */
public final class Lower {
    public Upper up() {
        return new Upper();
    }
}
