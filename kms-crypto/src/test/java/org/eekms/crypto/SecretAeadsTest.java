package org.eekms.crypto;

import static org.eekms.crypto.TestData.concat;
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
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretAeadsTest {

    // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, with AAD).
    private static final byte[] GCM16_KEY = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    private static final byte[] GCM16_IV = hex("cafebabefacedbaddecaf888");
    private static final byte[] GCM16_AAD = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    private static final byte[] GCM16_PLAINTEXT = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    private static final byte[] GCM16_CIPHERTEXT = hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662");
    private static final byte[] GCM16_TAG = hex("76fc6ece0f4e1768cddf8853bb2d551b");

    private static final byte[] PLAINTEXT = utf8("a keyset, serialized");
    private static final byte[] AAD = utf8("keystore/ks1/key/k1");

    @Test
    void roundTrips() {
        SecretAead aead = SecretAeads.aes256Gcm(SecretBytes.random(32));
        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, AAD), AAD));
        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, new byte[0]), new byte[0]));
        assertArrayEquals(new byte[0], aead.decrypt(aead.encrypt(new byte[0], AAD), AAD));
    }

    @Test
    void outputIsIvCiphertextTagAndEachEncryptionGetsAFreshIv() {
        SecretAead aead = SecretAeads.aes256Gcm(SecretBytes.random(32));
        byte[] first = aead.encrypt(PLAINTEXT, AAD);
        byte[] second = aead.encrypt(PLAINTEXT, AAD);
        assertEquals(12 + PLAINTEXT.length + 16, first.length);
        assertFalse(Arrays.equals(Arrays.copyOf(first, 12), Arrays.copyOf(second, 12)), "fresh IV");
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void decryptsTheGcmSpecVectorPrefixedWithItsIv() {
        SecretAead aead = SecretAeads.aes256Gcm(SecretBytes.copyOf(GCM16_KEY));
        assertArrayEquals(GCM16_PLAINTEXT, aead.decrypt(concat(GCM16_IV, GCM16_CIPHERTEXT, GCM16_TAG), GCM16_AAD));
    }

    @Test
    void encryptsWhatJcaAesGcmDecrypts() throws Exception {
        SecretAead aead = SecretAeads.aes256Gcm(SecretBytes.copyOf(GCM16_KEY));
        byte[] output = aead.encrypt(PLAINTEXT, AAD);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(GCM16_KEY, "AES"),
                new GCMParameterSpec(128, output, 0, 12));
        cipher.updateAAD(AAD);
        assertArrayEquals(PLAINTEXT, cipher.doFinal(output, 12, output.length - 12));
    }

    @Test
    void wrongAssociatedDataFails() {
        SecretAead aead = SecretAeads.aes256Gcm(SecretBytes.random(32));
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        assertDecryptionFails(() -> aead.decrypt(sealed, utf8("keystore/ks1/key/k2")));
        assertDecryptionFails(() -> aead.decrypt(sealed, new byte[0]));
        assertDecryptionFails(() -> aead.decrypt(aead.encrypt(PLAINTEXT, new byte[0]), AAD));
    }

    @Test
    void wrongKeyFails() {
        SecretAead aead = SecretAeads.aes256Gcm(SecretBytes.random(32));
        SecretAead other = SecretAeads.aes256Gcm(SecretBytes.random(32));
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        assertDecryptionFails(() -> other.decrypt(sealed, AAD));
    }

    @Test
    void tamperedOrTruncatedCiphertextFails() {
        SecretAead aead = SecretAeads.aes256Gcm(SecretBytes.random(32));
        byte[] sealed = aead.encrypt(PLAINTEXT, AAD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = flip(sealed, i);
            assertDecryptionFails(() -> aead.decrypt(tampered, AAD));
        }
        assertDecryptionFails(() -> aead.decrypt(Arrays.copyOf(sealed, sealed.length - 1), AAD));
        assertDecryptionFails(() -> aead.decrypt(Arrays.copyOf(sealed, 11), AAD));
        assertDecryptionFails(() -> aead.decrypt(new byte[0], AAD));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void rejectsKeysThatAreNot32Bytes(int length) {
        SecretBytes key = SecretBytes.random(length);
        assertThrows(IllegalArgumentException.class, () -> SecretAeads.aes256Gcm(key));
    }

    @Test
    void doesNotShowItsKey() {
        SecretAead aead = SecretAeads.aes256Gcm(SecretBytes.copyOf(GCM16_KEY));
        assertFalse(aead.toString().contains("feffe992"), aead.toString());
    }

    private static void assertDecryptionFails(org.junit.jupiter.api.function.Executable decryption) {
        VerificationFailedException e = assertThrows(VerificationFailedException.class, decryption);
        assertEquals("decryption_failed", e.code());
    }
}
