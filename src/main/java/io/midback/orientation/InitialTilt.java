package io.midback.orientation;

/**
 * Where a filter starts: the shortest rotation taking the measured "up" (the accelerometer's direction, sensor
 * frame) onto the earth's z axis, heading left at zero. Used on a filter's first sample and after a gap;
 * allocation-free.
 */
final class InitialTilt {
    private InitialTilt() {
    }

    /** Writes {w, x, y, z} (sensor → earth) for the normalised up vector (ax, ay, az) into {@code q}. */
    static void fromUp(double ax, double ay, double az, double[] q) {
        double w = 1 + az, x = ay, y = -ax;
        if (w < 1e-9) { // upside down: 180° about x
            w = 0;
            x = 1;
            y = 0;
        }
        double n = Math.sqrt(w * w + x * x + y * y);
        q[0] = w / n;
        q[1] = x / n;
        q[2] = y / n;
        q[3] = 0;
    }
}
