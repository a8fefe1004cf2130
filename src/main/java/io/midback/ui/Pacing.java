package io.midback.ui;

import java.util.function.BooleanSupplier;

/** The window's name for {@link io.midback.app.Pacing}, which its paced sources share with the command line. */
final class Pacing extends io.midback.app.Pacing {
    Pacing(double speed, BooleanSupplier stopped) {
        super(speed, stopped);
    }
}
