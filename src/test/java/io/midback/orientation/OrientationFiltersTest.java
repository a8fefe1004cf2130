package io.midback.orientation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrientationFiltersTest {
    @Test
    void createsEveryNamedFilter() {
        for (String name : OrientationFilters.NAMES) {
            assertEquals(name, OrientationFilters.create(name, 100).name());
        }
        assertInstanceOf(VqfFilter.class, OrientationFilters.create("MidBack", 100));
        assertEquals("midback", OrientationFilters.DEFAULT);
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrientationFilters.create("kalman", 100));
        assertTrue(e.getMessage().contains("madgwick"), e.getMessage());
    }
}
