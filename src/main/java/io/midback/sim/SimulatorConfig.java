package io.midback.sim;

import io.midback.posture.Mounting;

/**
 * How to simulate: sample rate, seed, how the sensor is mounted, whether it has a magnetometer, its errors, and
 * the slump definition used for the ground truth.
 *
 * @param rateHz       samples per second, 50–200 typical (1–1000 accepted)
 * @param seed         everything random (movements, bias, noise) follows from it
 * @param mounting     how the sensor sits on the back (body → sensor)
 * @param magnetometer whether samples carry a magnetometer reading
 * @param errors       bias, drift and noise ({@link SensorErrors#NONE} for a perfect sensor)
 * @param slumps       the definition of a true slump episode
 */
public record SimulatorConfig(double rateHz, long seed, Mounting mounting, boolean magnetometer,
                              SensorErrors errors, SlumpEpisodes slumps) {

    public static final double DEFAULT_RATE_HZ = 100;

    public SimulatorConfig {
        if (!(rateHz >= 1 && rateHz <= 1000)) {
            throw new IllegalArgumentException("rate must be between 1 and 1000 Hz: " + rateHz);
        }
        if (mounting == null || errors == null || slumps == null) {
            throw new IllegalArgumentException("mounting, errors and slumps are required");
        }
    }

    /** 100 Hz, seed 1, upright mounting, no magnetometer, realistic errors, default slump definition. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(DEFAULT_RATE_HZ, 1, Mounting.UPRIGHT, false, SensorErrors.REALISTIC,
                SlumpEpisodes.DEFAULT);
    }

    public SimulatorConfig withRate(double hz) {
        return new SimulatorConfig(hz, seed, mounting, magnetometer, errors, slumps);
    }

    public SimulatorConfig withSeed(long s) {
        return new SimulatorConfig(rateHz, s, mounting, magnetometer, errors, slumps);
    }

    public SimulatorConfig withMounting(Mounting m) {
        return new SimulatorConfig(rateHz, seed, m, magnetometer, errors, slumps);
    }

    public SimulatorConfig withMagnetometer(boolean on) {
        return new SimulatorConfig(rateHz, seed, mounting, on, errors, slumps);
    }

    public SimulatorConfig withErrors(SensorErrors e) {
        return new SimulatorConfig(rateHz, seed, mounting, magnetometer, e, slumps);
    }

    public SimulatorConfig withSlumps(SlumpEpisodes s) {
        return new SimulatorConfig(rateHz, seed, mounting, magnetometer, errors, s);
    }
}
