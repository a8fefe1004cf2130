package io.midback.protocol;

/** Unit conversions shared by the decoders. */
public final class ImuUnits {
    /** Standard gravity, m/s² per g. */
    public static final double G_MPS2 = 9.80665;
    public static final double RAD_PER_DEG = Math.PI / 180.0;
    /** 1 gauss = 100 µT. */
    public static final double MICROT_PER_GAUSS = 100.0;

    private ImuUnits() {
    }
}
