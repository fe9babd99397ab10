package org.eekms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Priority;
import java.time.Duration;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsIso8601() {
        assertEquals(Duration.ofMinutes(10), converter.convert("PT10M"));
        assertEquals(Duration.ofMillis(1500), converter.convert("PT1.5S"));
        assertEquals(Duration.ofDays(2), converter.convert("P2D"));
        assertEquals(Duration.ofMinutes(10), converter.convert("pt10m"), "case does not matter");
        assertEquals(Duration.ofHours(1).plusMinutes(30), converter.convert(" PT1H30M "), "surrounding blanks");
    }

    @Test
    void readsGoStyleDurations() {
        assertEquals(Duration.ofMinutes(10), converter.convert("10m"));
        assertEquals(Duration.ofSeconds(30), converter.convert("30s"));
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofHours(1), converter.convert("1h"));
        assertEquals(Duration.ofDays(2), converter.convert("2d"));
    }

    @Test
    void readsUnitsCaseInsensitivelyAndTrimmed() {
        assertEquals(Duration.ofMinutes(10), converter.convert("10M"), "minutes, never months");
        assertEquals(Duration.ofMillis(250), converter.convert("250MS"));
        assertEquals(Duration.ofSeconds(30), converter.convert("  30s\n"));
    }

    @Test
    void aBareNumberIsSeconds() {
        assertEquals(Duration.ofSeconds(45), converter.convert("45"));
    }

    @Test
    void zeroTurnsACacheOff() {
        assertEquals(Duration.ZERO, converter.convert("0"));
        assertTrue(converter.convert("0").isZero());
        assertTrue(converter.convert("0s").isZero());
        assertTrue(converter.convert("0ms").isZero());
        assertTrue(converter.convert("PT0S").isZero());
    }

    @Test
    void anEmptyValueIsNoValue() {
        assertNull(converter.convert(""));
        assertNull(converter.convert("   "));
    }

    @Test
    void nullIsRejectedAsTheConverterContractSays() {
        assertThrows(NullPointerException.class, () -> converter.convert(null));
    }

    /** MicroProfile Config's contract: a value that cannot be converted is an {@link IllegalArgumentException}. */
    @ParameterizedTest
    @ValueSource(strings = {"abc", "m", "ms", "10x", "10 m", "10min", "1.5h", "-5s", "+5s", "5s5", "10mss", "1h30m",
            "0x10", "P", "PT", "P10X", "PT10", "Pfoo", "-P", "99999999999999999999", "9223372036854775807d",
            "P9999999999999999999D"})
    void rejectsWhatIsNotADuration(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> converter.convert(value));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void isRegisteredForMicroProfileConfigWithAPriorityAboveTheBuiltIns() {
        assertTrue(ServiceLoader.load(Converter.class).stream()
                .anyMatch(provider -> provider.type() == DurationConverter.class));
        Priority priority = DurationConverter.class.getAnnotation(Priority.class);
        assertTrue(priority != null && priority.value() > 100, "above the default (100) and the built-in converters (1)");
    }
}
