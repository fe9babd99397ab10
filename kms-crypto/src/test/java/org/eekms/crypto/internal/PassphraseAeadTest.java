package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.TestData.flip;
import static org.eekms.crypto.TestData.hex;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PassphraseAeadTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final int ITERATIONS = 10_000;
    private static final byte[] PLAINTEXT = utf8("a keystore main key, 32 bytes..");
    private static final byte[] AAD = utf8("eekms:keystore-main-key:ks1");

    @Test
    void roundTrips() {
        SecretAead aead = SecretAeads.passphrase(PASSPHRASE, ITERATIONS);
        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, AAD), AAD));
        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, new byte[0]), new byte[0]));
        assertArrayEquals(new byte[0], aead.decrypt(aead.encrypt(new byte[0], AAD), AAD));
    }

    @Test
    void theCiphertextCarriesVersionIterationsAndSaltBeforeTheGcmOutput() {
        SecretAead aead = SecretAeads.passphrase(PASSPHRASE, 12_345);
        byte[] first = aead.encrypt(PLAINTEXT, AAD);
        byte[] second = aead.encrypt(PLAINTEXT, AAD);

        assertEquals(1 + 4 + 16 + 12 + PLAINTEXT.length + 16, first.length);
        assertEquals(1, first[0], "version");
        assertEquals(12_345, ByteBuffer.wrap(first, 1, 4).getInt(), "iterations");
        assertArrayEquals(Arrays.copyOf(first, 21), Arrays.copyOf(second, 21), "one salt per instance");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 21, 33), Arrays.copyOfRange(second, 21, 33)),
                "fresh IV");

        byte[] other = SecretAeads.passphrase(PASSPHRASE, 12_345).encrypt(PLAINTEXT, AAD);
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 5, 21), Arrays.copyOfRange(other, 5, 21)),
                "each instance draws its own salt");
    }

    @Test
    void aCiphertextMadeWithOtherIterationsOrAnotherSaltStillDecrypts() {
        SecretAead older = SecretAeads.passphrase(PASSPHRASE, ITERATIONS);
        SecretAead newer = SecretAeads.passphrase(PASSPHRASE, 2 * ITERATIONS);
        SecretAead restarted = SecretAeads.passphrase(PASSPHRASE, ITERATIONS);

        byte[] sealedByOlder = older.encrypt(PLAINTEXT, AAD);
        byte[] sealedByNewer = newer.encrypt(PLAINTEXT, AAD);

        assertArrayEquals(PLAINTEXT, newer.decrypt(sealedByOlder, AAD));
        assertArrayEquals(PLAINTEXT, older.decrypt(sealedByNewer, AAD));
        assertArrayEquals(PLAINTEXT, restarted.decrypt(sealedByOlder, AAD));
        assertArrayEquals(PLAINTEXT, restarted.decrypt(sealedByOlder, AAD), "and again, from the cached key");
    }

    @Test
    void encryptingDerivesNoKey() {
        // PBKDF2 at a million iterations takes a quarter of a second or more: twenty derivations would take seconds
        SecretAead aead = SecretAeads.passphrase(PASSPHRASE, 1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, AAD), AAD));
            }
        });
    }

    @Test
    void wrongPassphraseFails() {
        byte[] sealed = SecretAeads.passphrase(PASSPHRASE, ITERATIONS).encrypt(PLAINTEXT, AAD);
        SecretAead other = SecretAeads.passphrase("correct horse battery stapler".toCharArray(), ITERATIONS);
        assertDecryptionFails(() -> other.decrypt(sealed, AAD));
    }

    @Test
    void wrongAssociatedDataFails() {
        SecretAead aead = SecretAeads.passphrase(PASSPHRASE, ITERATIONS);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        assertDecryptionFails(() -> aead.decrypt(sealed, utf8("eekms:keystore-main-key:ks2")));
        assertDecryptionFails(() -> aead.decrypt(sealed, new byte[0]));
    }

    @Test
    void tamperingAnywhereFails() {
        SecretAead aead = SecretAeads.passphrase(PASSPHRASE, ITERATIONS);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = flip(sealed, i);
            assertDecryptionFails(() -> aead.decrypt(tampered, AAD));
        }
        assertDecryptionFails(() -> aead.decrypt(Arrays.copyOf(sealed, sealed.length - 1), AAD));
        assertDecryptionFails(() -> aead.decrypt(Arrays.copyOf(sealed, 21 + 27), AAD));
        assertDecryptionFails(() -> aead.decrypt(new byte[0], AAD));
    }

    @Test
    void theHeaderIsAuthenticatedEvenWhereItWouldDeriveTheSameKey() {
        SecretAead aead = SecretAeads.passphrase(PASSPHRASE, ITERATIONS);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;
        assertDecryptionFails(() -> aead.decrypt(otherVersion, AAD));
    }

    @Test
    void aCiphertextAskingForTooManyIterationsIsRefusedWithoutDeriving() {
        SecretAead aead = SecretAeads.passphrase(PASSPHRASE, ITERATIONS);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        ByteBuffer.wrap(sealed).putInt(1, Integer.MAX_VALUE);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertDecryptionFails(() -> aead.decrypt(sealed, AAD)));
        ByteBuffer.wrap(sealed).putInt(1, 1);
        assertDecryptionFails(() -> aead.decrypt(sealed, AAD));
    }

    @Test
    void decryptsACiphertextBuiltFromTheFormatWithIndependentPrimitives() throws Exception {
        // BouncyCastle's PBKDF2 and the JDK's AES-GCM, not the code under test
        byte[] salt = hex("000102030405060708090a0b0c0d0e0f");
        byte[] key = bouncyCastlePbkdf2(PASSPHRASE, salt, ITERATIONS);
        byte[] header = ByteBuffer.allocate(21).put((byte) 1).putInt(ITERATIONS).put(salt).array();
        byte[] iv = hex("cafebabefacedbaddecaf888");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(concat(header, AAD));
        byte[] blob = concat(header, iv, cipher.doFinal(PLAINTEXT));

        assertArrayEquals(PLAINTEXT, SecretAeads.passphrase(PASSPHRASE, ITERATIONS).decrypt(blob, AAD));
    }

    @Test
    void pbkdf2MatchesRfc7914() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64); the first 32 bytes
        assertArrayEquals(hex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"),
                PassphraseAead.pbkdf2("passwd".toCharArray(), utf8("salt"), 1));
    }

    @Test
    void pbkdf2EncodesThePassphraseAsUtf8LikeBouncyCastle() {
        char[] passphrase = "pässwörd €uro 🔑".toCharArray();
        byte[] salt = utf8("sixteen byte slt");
        assertArrayEquals(bouncyCastlePbkdf2(passphrase, salt, 1000), PassphraseAead.pbkdf2(passphrase, salt, 1000));
    }

    @Test
    void keepsItsOwnCopyOfThePassphrase() {
        char[] passphrase = PASSPHRASE.clone();
        SecretAead aead = SecretAeads.passphrase(passphrase, ITERATIONS);
        Arrays.fill(passphrase, '\0');
        byte[] fromOtherSalt = SecretAeads.passphrase(PASSPHRASE, ITERATIONS).encrypt(PLAINTEXT, AAD);
        assertArrayEquals(PLAINTEXT, aead.decrypt(fromOtherSalt, AAD));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 1, 9_999, 10_000_001})
    void refusesIterationsOutOfRange(int iterations) {
        assertThrows(IllegalArgumentException.class, () -> SecretAeads.passphrase(PASSPHRASE, iterations));
    }

    @Test
    void refusesAnEmptyPassphrase() {
        assertThrows(IllegalArgumentException.class, () -> SecretAeads.passphrase(new char[0], ITERATIONS));
    }

    @Test
    void doesNotShowItsPassphrase() {
        String shown = SecretAeads.passphrase(PASSPHRASE, ITERATIONS).toString();
        assertFalse(shown.contains("horse"), shown);
        assertTrue(shown.contains("PBKDF2"), shown);
    }

    private static byte[] bouncyCastlePbkdf2(char[] passphrase, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(new String(passphrase).getBytes(StandardCharsets.UTF_8), salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
    }

    private static void assertDecryptionFails(org.junit.jupiter.api.function.Executable decryption) {
        VerificationFailedException e = assertThrows(VerificationFailedException.class, decryption);
        assertEquals("decryption_failed", e.code());
    }
}
