package org.eekms.keystore.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.KmsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    private static final Pattern KEYSTORE_ID = Pattern.compile("[0-9a-v]{20}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{50}");

    // --- keystore ids

    @Test
    void keystoreIdsAreTwentyBase32HexCharacters() {
        for (int i = 0; i < 1000; i++) {
            String id = Ids.newKeystoreId();
            assertTrue(KEYSTORE_ID.matcher(id).matches(), id);
            // 12 bytes are 96 bits: the last character carries 1 bit and 4 zero bits, as in an xid.
            assertTrue(id.endsWith("0") || id.endsWith("g"), id);
        }
    }

    @Test
    void keystoreIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(ids.add(Ids.newKeystoreId()), "duplicate keystore id after " + i + " ids");
        }
    }

    @Test
    void keystoreIdsStartWithTheTimeInSeconds() {
        long before = System.currentTimeMillis() / 1000;
        String id = Ids.newKeystoreId();
        long after = System.currentTimeMillis() / 1000;

        byte[] bytes = decodeBase32Hex(id);
        assertEquals(12, bytes.length);
        long seconds = ((bytes[0] & 0xffL) << 24) | ((bytes[1] & 0xffL) << 16) | ((bytes[2] & 0xffL) << 8)
                | (bytes[3] & 0xffL);
        assertTrue(seconds >= before && seconds <= after, () -> id + " encodes " + seconds);
        assertEquals(id, Ids.base32Hex(bytes), "decoding is the inverse of the encoding");
    }

    @Test
    void base32HexByHand() {
        assertEquals("", Ids.base32Hex(new byte[0]));
        // 0xff = 11111 111(00): 31 -> 'v', 28 -> 's'
        assertEquals("vs", Ids.base32Hex(new byte[] {(byte) 0xff}));
        // 0x00 0x01 = 00000 00000 00000 1(0000): 0, 0, 0, 16 -> 'g'
        assertEquals("000g", Ids.base32Hex(new byte[] {0x00, 0x01}));
        // 0x08 0x86 0x42 0x98 0xe8 = 00001 00010 00011 00100 00101 00110 00111 01000: 1 2 3 4 5 6 7 8
        assertEquals("12345678", Ids.base32Hex(new byte[] {0x08, (byte) 0x86, 0x42, (byte) 0x98, (byte) 0xe8}));
    }

    @Test
    void base32HexMatchesRfc4648AndXid() {
        // RFC 4648 §10 base32hex vectors, lowercase and without padding
        assertEquals("co", Ids.base32Hex(ascii("f")));
        assertEquals("cpng", Ids.base32Hex(ascii("fo")));
        assertEquals("cpnmu", Ids.base32Hex(ascii("foo")));
        assertEquals("cpnmuog", Ids.base32Hex(ascii("foob")));
        assertEquals("cpnmuoj1", Ids.base32Hex(ascii("fooba")));
        assertEquals("cpnmuoj1e8", Ids.base32Hex(ascii("foobar")));
        // the xid test vector (github.com/rs/xid): what a TrustBloc keystore id looks like
        assertEquals("9m4e2mr0ui3e8a215n4g", Ids.base32Hex(new byte[] {0x4d, (byte) 0x88, (byte) 0xe1, 0x5b, 0x60,
                (byte) 0xf4, (byte) 0x86, (byte) 0xe4, 0x28, 0x41, 0x2d, (byte) 0xc9}));
    }

    // --- key ids

    @Test
    void keyIdsAreFiftyBase64UrlCharactersOf37RandomBytes() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newKeyId();
            assertTrue(KEY_ID.matcher(id).matches(), id);
            assertEquals(37, Base64.getUrlDecoder().decode(id).length);
            assertTrue(ids.add(id), "duplicate key id");
        }
    }

    @Test
    void generatedKeyIdsAreAcceptedAsRequestedKeyIds() {
        for (int i = 0; i < 1000; i++) {
            String id = Ids.newKeyId();
            assertEquals(id, Ids.requestedKeyId(id));
        }
    }

    @Test
    void keysetIdsAreUuidsThatFitTheirColumn() {
        String id = Ids.newKeysetId();
        assertEquals(36, id.length());
        assertEquals(id, UUID.fromString(id).toString());
    }

    // --- requested key ids

    @ParameterizedTest
    @ValueSource(strings = {"keyID", "a", "key-1", "key_1", "key.1", "key~1", "did:example:123", "user@host",
            "a!b$c&d'e(f)g*h+i,j;k=l", "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"})
    void acceptsOneUrlPathSegment(String keyId) {
        assertSame(keyId, Ids.requestedKeyId(keyId));
    }

    @Test
    void accepts128Characters() {
        String keyId = "k".repeat(128);
        assertEquals(keyId, Ids.requestedKeyId(keyId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"",
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "a/b", "/", "../key", "a?b", "a#", "a%2Fb", "a b", " key", "key\n", "a\\b", "\"key\"", "<key>",
            "a[0]", "a{b}", "a|b", "a^b", "ключ", "kéy"})
    void rejectsAnythingButOneUrlPathSegment(String keyId) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Ids.requestedKeyId(keyId));
        assertEquals("invalid_request", e.code());
        assertEquals(KmsException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("key_id"), e.getMessage());
    }

    @Test
    void rejects129Characters() {
        assertThrows(InvalidRequestException.class, () -> Ids.requestedKeyId("k".repeat(129)));
    }

    // --- helpers

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Decodes lowercase unpadded base32hex, dropping the trailing bits that do not fill a byte. */
    private static byte[] decodeBase32Hex(String text) {
        String alphabet = "0123456789abcdefghijklmnopqrstuv";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : text.toCharArray()) {
            int value = alphabet.indexOf(c);
            assertTrue(value >= 0, "not base32hex: " + c);
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
