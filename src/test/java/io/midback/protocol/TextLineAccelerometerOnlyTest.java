package io.midback.protocol;

import io.midback.sensor.ImuSample;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** Text lines of three numbers are an accelerometer-only sensor's samples (issue 15): no gyroscope, NaN there. */
class TextLineAccelerometerOnlyTest {
    @Test
    void threeNumbersAreTheAccelerometerAndTheGyroscopeIsMissing() {
        CollectingSink sink = new CollectingSink();
        TextLineDecoder d = new TextLineDecoder(sink, 50, TextLineDecoder.Layout.MPU6050_RAW_DEFAULT);
        byte[] text = "ADXL ready\n0 16384 0\n-120,16380,35\n1 2 3 4\n8192 0 -8192\n"
                .getBytes(StandardCharsets.US_ASCII);
        for (byte b : text) { // one byte at a time: any chunking
            d.feed(new byte[] {b}, 0, 1);
        }
        d.end();
        assertEquals(3, sink.samples.size(), sink.samples.toString());
        ImuSample first = sink.samples.get(0);
        assertTrue(Double.isNaN(first.gxRadPerS()) && Double.isNaN(first.gyRadPerS())
                && Double.isNaN(first.gzRadPerS()), "no gyroscope: " + first);
        assertEquals(ImuUnits.G_MPS2, first.ayMps2(), 1e-9, "16384 counts = 1 g at ±2 g");
        assertEquals(0.0, first.tS());
        assertEquals(3 / 50.0, sink.samples.get(2).tS(), 1e-12, "the four-number line took its period");
        assertEquals(-0.5 * ImuUnits.G_MPS2, sink.samples.get(2).azMps2(), 1e-9);
        assertEquals(1, d.stats().framesCorrupt(), "four numbers are neither layout");
        assertEquals(1, d.stats().unknownMessages(), "the banner");
        assertEquals(WireFormat.TEXT, FormatDetector.detect(text, text.length), "recognised as text");
    }
}
