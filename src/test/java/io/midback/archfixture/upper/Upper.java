package io.midback.archfixture.upper;

import io.midback.archfixture.lower.Lower;

/** The upper package of {@code ArchitectureTest}'s fixture: it may use the lower one. */
public final class Upper {
    public Lower down() {
        return new Lower();
    }
}
