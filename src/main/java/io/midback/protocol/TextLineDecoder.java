package io.midback.protocol;

import io.midback.text.DecimalParser;
import io.midback.sensor.SampleSink;

import static io.midback.protocol.ImuUnits.G_MPS2;
import static io.midback.protocol.ImuUnits.RAD_PER_DEG;

/**
 * Decodes plain text lines of six numbers: three accelerometer and three gyroscope values (in either order),
 * separated by commas, semicolons, spaces or tabs, optionally after one label such as {@code a/g:} (the
 * i2cdevlib MPU6050_raw example prints {@code a/g:\tax\tay\taz\tgx\tgy\tgz}). The {@link Layout} says the order
 * and the scales. Lines that do not start with a number after the label (banners, headers) are skipped and
 * counted as unknown messages. A line of three numbers is an accelerometer-only sensor's sample (same scale;
 * the gyroscope is NaN). A line that starts with numbers but is not exactly three or six numbers is corrupt. No
 * timestamps: sample line k (damaged ones included) is at k / rate.
 */
public final class TextLineDecoder extends LineFramedDecoder {

    /**
     * Column order and scales.
     *
     * @param accelFirst       true: ax ay az gx gy gz; false: gx gy gz ax ay az
     * @param accelToMps2      m/s² per unit of the accelerometer numbers
     * @param gyroToRadPerS    rad/s per unit of the gyroscope numbers
     */
    public record Layout(boolean accelFirst, double accelToMps2, double gyroToRadPerS) {
        /** Raw MPU-6050 at its power-on ranges ±2 g (16384 LSB/g) and ±250 °/s (131 LSB per °/s), accel first. */
        public static final Layout MPU6050_RAW_DEFAULT = mpu6050Raw(2, 250);

        public Layout {
            if (!(accelToMps2 > 0) || !(gyroToRadPerS > 0) || Double.isInfinite(accelToMps2)
                    || Double.isInfinite(gyroToRadPerS)) {
                throw new IllegalArgumentException("scales must be positive and finite");
            }
        }

        /** Raw MPU-6050 int16 values at the given full scales, accel first. */
        public static Layout mpu6050Raw(int accelRangeG, int gyroRangeDps) {
            return new Layout(true, accelRangeG / 32768.0 * G_MPS2, gyroRangeDps / 32768.0 * RAD_PER_DEG);
        }
    }

    private final double periodS;
    private final Layout layout;
    private final double[] v = new double[6];
    private long line;

    public TextLineDecoder(SampleSink sink, double rateHz, Layout layout) {
        super(sink);
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("text lines carry no timestamps: give the sample rate in Hz (--rate)");
        }
        this.periodS = 1.0 / rateHz;
        this.layout = layout;
    }

    @Override
    public WireFormat format() {
        return WireFormat.TEXT;
    }



    private static boolean separator(byte c) {
        return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\r';
    }

    @Override
    void line() {
        int i = 0;
        int end = n;
        while (i < end && separator(buf[i])) {
            i++;
        }
        if (i == end) {
            stats.bytesSkipped += raw; // blank line
            return;
        }
        // one leading label ("a/g:") is allowed when it starts with a letter
        if ((buf[i] | 0x20) >= 'a' && (buf[i] | 0x20) <= 'z') {
            int j = i;
            while (j < end && !separator(buf[j])) {
                j++;
            }
            boolean anyDigit = false;
            for (int k = j; k < end; k++) {
                if (buf[k] >= '0' && buf[k] <= '9') {
                    anyDigit = true;
                    break;
                }
            }
            if (!anyDigit) {
                stats.framesOk++;
                stats.unknownMessages++;
                stats.bytesSkipped += raw;
                return;
            }
            i = j;
        }
        int k = 0;
        while (true) {
            while (i < end && separator(buf[i])) {
                i++;
            }
            if (i == end) {
                break;
            }
            int from = i;
            while (i < end && !separator(buf[i])) {
                i++;
            }
            double x = k < 6 ? DecimalParser.parse(buf, from, i) : Double.NaN;
            if (!Double.isFinite(x) && k == 0) {
                // text, not numbers ("Initializing I2C devices..."): a banner line
                stats.framesOk++;
                stats.unknownMessages++;
                stats.bytesSkipped += raw;
                return;
            }
            if (!Double.isFinite(x)) {
                stats.framesCorrupt++;
                stats.bytesSkipped += raw;
                line++; // a damaged sample line still took its sample period
                return;
            }
            v[k++] = x;
        }
        if (k == 3) { // an accelerometer-only sensor: no gyroscope (NaN)
            stats.framesOk++;
            double as = layout.accelToMps2();
            emit(line++ * periodS, Double.NaN, Double.NaN, Double.NaN, v[0] * as, v[1] * as, v[2] * as,
                    Double.NaN, Double.NaN, Double.NaN);
            return;
        }
        if (k != 6) {
            stats.framesCorrupt++;
            stats.bytesSkipped += raw;
            line++;
            return;
        }
        stats.framesOk++;
        int a = layout.accelFirst() ? 0 : 3;
        int g = 3 - a;
        double as = layout.accelToMps2();
        double gs = layout.gyroToRadPerS();
        emit(line++ * periodS, v[g] * gs, v[g + 1] * gs, v[g + 2] * gs, v[a] * as, v[a + 1] * as, v[a + 2] * as,
                Double.NaN, Double.NaN, Double.NaN);
    }
}
