package org.eekms.crypto.internal;

import static org.eekms.crypto.TestData.flip;
import static org.eekms.crypto.TestData.hex;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HkdfAeadTest {

    private static final byte[] SECRET = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] INFO = utf8("eekms:master-lock");
    private static final byte[] PLAINTEXT = utf8("a keystore main key");
    private static final byte[] AAD = utf8("eekms:keystore-main-key:ks1");

    @Test
    void roundTrips() {
        SecretAead aead = SecretAeads.hkdf(SecretBytes.copyOf(SECRET), INFO);
        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, AAD), AAD));
        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, new byte[0]), new byte[0]));
    }

    @Test
    void theSameSecretAndInfoOpenWhatAnotherInstanceSealed() {
        byte[] sealed = SecretAeads.hkdf(SecretBytes.copyOf(SECRET), INFO).encrypt(PLAINTEXT, AAD);
        assertArrayEquals(PLAINTEXT, SecretAeads.hkdf(SecretBytes.copyOf(SECRET), INFO).decrypt(sealed, AAD));
    }

    @Test
    void anotherSecretOrInfoFails() {
        byte[] sealed = SecretAeads.hkdf(SecretBytes.copyOf(SECRET), INFO).encrypt(PLAINTEXT, AAD);
        assertDecryptionFails(() -> SecretAeads.hkdf(SecretBytes.copyOf(flip(SECRET, 0)), INFO).decrypt(sealed, AAD));
        assertDecryptionFails(() -> SecretAeads.hkdf(SecretBytes.copyOf(SECRET), utf8("other")).decrypt(sealed, AAD));
    }

    @Test
    void wrongAssociatedDataOrTamperingFails() {
        SecretAead aead = SecretAeads.hkdf(SecretBytes.copyOf(SECRET), INFO);
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        assertDecryptionFails(() -> aead.decrypt(sealed, utf8("eekms:keystore-main-key:ks2")));
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = flip(sealed, i);
            assertDecryptionFails(() -> aead.decrypt(tampered, AAD));
        }
        assertDecryptionFails(() -> aead.decrypt(Arrays.copyOf(sealed, 20), AAD));
    }

    @Test
    void deriveMatchesRfc5869TestCase3() {
        // RFC 5869 A.3: SHA-256, IKM = 22 × 0x0b, empty salt and info; the first 32 bytes of the OKM
        assertArrayEquals(hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"),
                HkdfAead.derive(SecretBytes.copyOf(hex("0b".repeat(22))), new byte[0]));
    }

    @Test
    void theKeyIsBouncyCastlesHkdfAndTheOutputIsJdkAesGcm() throws Exception {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(SECRET, null, INFO));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);

        byte[] sealed = SecretAeads.hkdf(SecretBytes.copyOf(SECRET), INFO).encrypt(PLAINTEXT, AAD);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD(AAD);
        assertArrayEquals(PLAINTEXT, cipher.doFinal(sealed, 12, sealed.length - 12));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15})
    void refusesShortSecrets(int length) {
        SecretBytes secret = SecretBytes.random(length);
        assertThrows(IllegalArgumentException.class, () -> SecretAeads.hkdf(secret, INFO));
    }

    @Test
    void doesNotShowItsKey() {
        assertFalse(SecretAeads.hkdf(SecretBytes.copyOf(SECRET), INFO).toString().contains("0001020304"));
    }

    private static void assertDecryptionFails(org.junit.jupiter.api.function.Executable decryption) {
        VerificationFailedException e = assertThrows(VerificationFailedException.class, decryption);
        assertEquals("decryption_failed", e.code());
    }
}
