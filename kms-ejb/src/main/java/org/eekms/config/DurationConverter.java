package org.eekms.config;

import jakarta.annotation.Priority;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads durations as operators write them: ISO-8601 ({@code PT10M}), Go-style ({@code 10m}, {@code 30s},
 * {@code 500ms}, {@code 1h}) or a plain {@code 0}, which turns a cache off.
 */
@Priority(200)
public class DurationConverter implements Converter<Duration> {

    private static final long serialVersionUID = 1L;

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parse(text, value);
        } catch (DateTimeException | ArithmeticException e) {
            // MicroProfile Config's contract: a value that cannot be converted is an IllegalArgumentException
            throw new IllegalArgumentException("not a duration: " + value, e);
        }
    }

    private static Duration parse(String text, String value) {
        if (text.startsWith("p") || text.startsWith("-p")) {
            return Duration.parse(value.trim());
        }
        int unitStart = 0;
        while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        long amount = Long.parseLong(text.substring(0, unitStart));
        return switch (text.substring(unitStart)) {
            case "", "s" -> Duration.ofSeconds(amount);
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a duration: " + value);
        };
    }
}
