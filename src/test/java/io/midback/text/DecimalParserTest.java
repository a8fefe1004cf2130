package io.midback.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

class DecimalParserTest {
    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(b, 0, b.length);
    }

    @Property(tries = 3000)
    void agreesWithDoubleParseDoubleOnShortestRepresentation(@ForAll double v) {
        String s = Double.toString(v);
        double expected = Double.parseDouble(s);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(parse(s)), s);
    }

    @Property(tries = 3000)
    void agreesWithDoubleParseDoubleOnFixedDecimals(@ForAll @DoubleRange(min = -1e6, max = 1e6) double v,
                                                    @ForAll @IntRange(min = 0, max = 12) int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        assertEquals(Double.parseDouble(s), parse(s), s);
    }

    @Test
    void readsSpecialValuesAndRejectsGarbage() {
        assertTrue(Double.isNaN(parse("nan")) && !DecimalParser.isError(parse("NaN")));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, parse("Infinity"));
        assertEquals(1.5e-3, parse(" 1.5E-3 "));
        assertEquals(-0.001064650844, parse("-0.001064650844"));
        assertEquals(12.0, parse("12."));
        assertEquals(0.5, parse(".5"));
        for (String bad : new String[] {"", " ", "-", "1.2.3", "1e", "abc", "1,5", "0x10", "1e+", "--1"}) {
            assertTrue(DecimalParser.isError(parse(bad)), "should reject '" + bad + "'");
        }
    }
}
