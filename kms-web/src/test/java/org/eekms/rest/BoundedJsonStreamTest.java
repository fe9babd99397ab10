package org.eekms.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eekms.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class BoundedJsonStreamTest {

    private static final int MAX_DEPTH = 4;

    @Test
    void passesBodiesWithinBothBoundsUnchanged() throws IOException {
        String body = "{\"a\":[[{\"b\":\"x\"}]]}";
        assertArrayEquals(bytes(body), bounded(body, 1000).readAllBytes());
        assertArrayEquals(bytes(body), bounded(body, body.length()).readAllBytes());
    }

    @Test
    void refusesADepthBeyondTheBoundAsItArrives() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> bounded("[[[[[" + "x".repeat(100_000), 1_000_000).readAllBytes());
        assertEquals("malformed_request", refused.code());
        assertTrue(refused.getMessage().contains("deeper than " + MAX_DEPTH), refused.getMessage());
    }

    @Test
    void countsDepthOfSiblingsNotTheirSum() throws IOException {
        String body = "[" + "[[[]]],".repeat(1000) + "{}]";
        assertEquals(body.length(), bounded(body, 1_000_000).readAllBytes().length);
    }

    @Test
    void bracketsInsideStringsAndEscapedQuotesDoNotCount() throws IOException {
        String body = "{\"[[[[[\":\"{{{{{\\\"[[[[[\\\\\",\"k\":[[[\"]]]]]]]]\"]]]}";
        assertEquals(body.length(), bounded(body, 1000).readAllBytes().length);
        assertThrows(InvalidRequestException.class, () -> bounded("[\"\\\\\"[[[[", 1000).readAllBytes());
    }

    @Test
    void nonAsciiAndInvalidUtf8BytesDoNotConfuseTheScan() {
        byte[] body = {'[', (byte) 0xC3, (byte) 0xFF, '[', '"', (byte) 0xE2, (byte) 0x82, '"', '[', '[', '['};
        assertThrows(InvalidRequestException.class,
                () -> new BoundedJsonStream(new ByteArrayInputStream(body), 1000, TooLarge::new, MAX_DEPTH).readAllBytes());
    }

    @Test
    void refusesTheByteThatPassesTheSizeWith413() throws IOException {
        InputStream atLimit = bounded("[1,2]", 5);
        assertEquals(5, atLimit.readAllBytes().length);
        assertThrows(TooLarge.class, () -> bounded("[1,2] ", 5).readAllBytes());
        InputStream byteByByte = bounded("123456", 5);
        for (int i = 0; i < 5; i++) {
            byteByByte.read();
        }
        assertThrows(TooLarge.class, byteByByte::read);
    }

    @Test
    void skippingIsCountedToo() throws IOException {
        InputStream skipping = bounded("[[[[[[", 1000);
        assertThrows(InvalidRequestException.class, () -> {
            while (skipping.skip(2) > 0) {
                // skip to the end
            }
        });
    }

    @Test
    void remembersItsRefusalAndRefusesEveryLaterRead() {
        InputStream deep = bounded("[[[[[[[[", 1000);
        InvalidRequestException first = assertThrows(InvalidRequestException.class, () -> deep.read(new byte[8]));
        assertThrows(InvalidRequestException.class, () -> deep.read(new byte[3]));
        assertSame(first, ((BoundedJsonStream) deep).refusal());
        assertNull(((BoundedJsonStream) bounded("[]", 1000)).refusal());
    }

    /** The mapper finds the refusal behind JSON-B's wrapping, as it does in the server. */
    @Test
    void theRefusalSurvivesJsonBindingAsTheCause() {
        Jsonb jsonb = new JsonbConfiguration().getContext(Map.class);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> jsonb.fromJson(
                bounded("{\"a\":" + "[".repeat(10_000), 1_000_000), Map.class));
        boolean found = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            found |= t instanceof InvalidRequestException;
        }
        assertTrue(found, failure.toString());
    }

    /** Stands in for the filter's WebApplicationException, which needs a JAX-RS runtime to be made. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static InputStream bounded(String body, long maxSize) {
        return new BoundedJsonStream(new ByteArrayInputStream(bytes(body)), maxSize, TooLarge::new, MAX_DEPTH);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
