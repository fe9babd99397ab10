package org.eekms.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBytesTest {

    private static final byte[] SECRET = TestData.hex("00112233445566778899aabbccddeeff");

    @Test
    void toStringDoesNotShowTheBytes() {
        String shown = SecretBytes.copyOf(SECRET).toString();
        assertFalse(shown.contains(TestData.hex(SECRET)), shown);
        assertFalse(shown.toLowerCase().contains("aabbccdd"), shown);
        assertFalse(shown.contains(Base64.getEncoder().encodeToString(SECRET)), shown);
        assertFalse(shown.contains(Arrays.toString(SECRET)), shown);
        assertFalse(shown.contains("-86, -69"), shown); // 0xaa, 0xbb as signed bytes
        assertTrue(shown.contains("16"), "says how long it is: " + shown);
    }

    @Test
    void copyOfIsIndependentOfTheCallersArray() {
        byte[] input = SECRET.clone();
        SecretBytes secret = SecretBytes.copyOf(input);
        input[0] = 0x7f;
        assertArrayEquals(SECRET, secret.toByteArray());
    }

    @Test
    void toByteArrayHandsOutIndependentCopies() {
        SecretBytes secret = SecretBytes.copyOf(SECRET);
        byte[] first = secret.toByteArray();
        byte[] second = secret.toByteArray();
        assertNotSame(first, second);
        first[0] = 0x7f;
        Arrays.fill(second, (byte) 0);
        assertArrayEquals(SECRET, secret.toByteArray());
    }

    @Test
    void lengthIsTheSecretsLength() {
        assertEquals(16, SecretBytes.copyOf(SECRET).length());
        assertEquals(0, SecretBytes.copyOf(new byte[0]).length());
        assertEquals(32, SecretBytes.random(32).length());
    }

    @Test
    void equalsSecretComparesContent() {
        SecretBytes secret = SecretBytes.copyOf(SECRET);
        assertTrue(secret.equalsSecret(SecretBytes.copyOf(SECRET.clone())));
        assertTrue(secret.equalsSecret(secret));
        assertFalse(secret.equalsSecret(SecretBytes.copyOf(TestData.flip(SECRET, -1))));
        assertFalse(secret.equalsSecret(SecretBytes.copyOf(Arrays.copyOf(SECRET, 15))));
        assertFalse(secret.equalsSecret(SecretBytes.copyOf(Arrays.copyOf(SECRET, 17))));
    }

    @Test
    void randomSecretsDiffer() {
        SecretBytes first = SecretBytes.random(32);
        SecretBytes second = SecretBytes.random(32);
        assertFalse(first.equalsSecret(second));
        assertFalse(Arrays.equals(new byte[32], first.toByteArray()), "random bytes are not all zero");
    }

    @Test
    void destroyOverwritesTheBytes() {
        SecretBytes secret = SecretBytes.copyOf(SECRET);
        secret.destroy();
        assertArrayEquals(new byte[SECRET.length], secret.toByteArray());
        assertFalse(secret.equalsSecret(SecretBytes.copyOf(SECRET)));
    }
}
