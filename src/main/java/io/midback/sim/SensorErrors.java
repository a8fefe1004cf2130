package io.midback.sim;

/**
 * The simulated sensor's imperfections. Per-sample white noise has standard deviation
 * {@code density × √(rate / 2)} (the density over the Nyquist bandwidth).
 *
 * @param gyroBiasSigmaDegPerS     standard deviation of each axis's constant gyroscope bias, drawn per seed
 * @param gyroBiasWalkDegPerSqrtS  bias random walk: the bias wanders by this × √(seconds)
 * @param gyroNoiseDegPerSPerSqrtHz gyroscope white-noise density
 * @param accelNoiseMicroGPerSqrtHz accelerometer white-noise density, µg/√Hz
 * @param magNoiseMicroT           magnetometer white noise per sample, µT
 */
public record SensorErrors(double gyroBiasSigmaDegPerS, double gyroBiasWalkDegPerSqrtS,
                           double gyroNoiseDegPerSPerSqrtHz, double accelNoiseMicroGPerSqrtHz,
                           double magNoiseMicroT) {

    /** A typical consumer MEMS IMU (MPU-6050/BMI160 class) after factory calibration. */
    public static final SensorErrors REALISTIC = new SensorErrors(0.5, 0.002, 0.007, 150, 0.3);
    /** A perfect sensor: for tests of the model itself. */
    public static final SensorErrors NONE = new SensorErrors(0, 0, 0, 0, 0);

    public SensorErrors {
        if (!(gyroBiasSigmaDegPerS >= 0) || !(gyroBiasWalkDegPerSqrtS >= 0) || !(gyroNoiseDegPerSPerSqrtHz >= 0)
                || !(accelNoiseMicroGPerSqrtHz >= 0) || !(magNoiseMicroT >= 0)) {
            throw new IllegalArgumentException("sensor errors must be non-negative");
        }
    }

    /** Per-sample gyroscope noise at the given rate, rad/s. */
    public double gyroNoiseRadPerS(double rateHz) {
        return Math.toRadians(gyroNoiseDegPerSPerSqrtHz) * Math.sqrt(rateHz / 2);
    }

    /** Per-sample accelerometer noise at the given rate, m/s². */
    public double accelNoiseMps2(double rateHz) {
        return accelNoiseMicroGPerSqrtHz * 1e-6 * Simulator.GRAVITY_MPS2 * Math.sqrt(rateHz / 2);
    }
}
