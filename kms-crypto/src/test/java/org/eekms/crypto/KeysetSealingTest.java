package org.eekms.crypto;

import static org.eekms.crypto.TestData.flip;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A keyset leaves memory sealed under the keystore's key-encryption AEAD, bound to associated data. */
class KeysetSealingTest {

    private static final byte[] AAD = utf8("ks-1/key-1");
    private static final byte[] MESSAGE = utf8("message");

    private final SecretAead kek = SecretAeads.aes256Gcm(SecretBytes.random(32));

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void unsealedKeysetIsTheSameKeyset(KeyType type) {
        Keyset first = Keyset.generate(type);
        Keyset original = first.rotate();
        Keyset unsealed = Keyset.unseal(type, original.seal(kek, AAD), kek, AAD);

        assertEquals(type, unsealed.type());
        assertEquals(2, unsealed.versions());
        assertEquals(original.thumbprint(), unsealed.thumbprint());
        assertArrayEquals(original.publicKey().orElse(null), unsealed.publicKey().orElse(null));
        assertSameOperations(type, original, unsealed);
        assertSameOperations(type, unsealed, original);
        assertThrows(VerificationFailedException.class, () -> assertSameOperations(type, unsealed, first),
                "the unsealed keyset uses the rotated primary, not the first version");
    }

    @Test
    void oldVersionsSurviveSealing() {
        Keyset first = Keyset.generate(KeyType.AES256GCM);
        Ciphertext old = first.operations().encrypt(MESSAGE, AAD);
        Keyset unsealed = Keyset.unseal(KeyType.AES256GCM, first.rotate().seal(kek, AAD), kek, AAD);
        assertArrayEquals(MESSAGE, unsealed.operations().decrypt(old.ciphertext(), old.nonce(), AAD));
    }

    @Test
    void sealingTwiceGivesDifferentBlobs() {
        Keyset keyset = Keyset.generate(KeyType.ED25519);
        byte[] first = keyset.seal(kek, AAD);
        byte[] second = keyset.seal(kek, AAD);
        assertFalse(Arrays.equals(first, second), "fresh data key and nonce each time");
        assertEquals(keyset.thumbprint(), Keyset.unseal(KeyType.ED25519, first, kek, AAD).thumbprint());
        assertEquals(keyset.thumbprint(), Keyset.unseal(KeyType.ED25519, second, kek, AAD).thumbprint());
    }

    @Test
    void sealedBlobDoesNotContainTheKey() {
        Keyset keyset = Keyset.importPrivateKey(KeyType.ED25519,
                TestData.ed25519Pkcs8(TestData.hex(TestData.RFC8032_TEST_1.secretKey())));
        String sealed = TestData.hex(keyset.seal(kek, AAD));
        assertFalse(sealed.contains(TestData.RFC8032_TEST_1.secretKey()));
        assertFalse(sealed.contains(TestData.RFC8032_TEST_1.secretKey().substring(0, 16)));
    }

    @Test
    void anotherKeyEncryptionKeyCannotUnseal() {
        byte[] sealed = Keyset.generate(KeyType.ECDSAP256_DER).seal(kek, AAD);
        SecretAead other = SecretAeads.aes256Gcm(SecretBytes.random(32));
        assertUnsealFails(() -> Keyset.unseal(KeyType.ECDSAP256_DER, sealed, other, AAD));
    }

    @Test
    void otherAssociatedDataCannotUnseal() {
        byte[] sealed = Keyset.generate(KeyType.HMACSHA256_TAG256).seal(kek, AAD);
        assertUnsealFails(() -> Keyset.unseal(KeyType.HMACSHA256_TAG256, sealed, kek, utf8("ks-1/key-2")));
        assertUnsealFails(() -> Keyset.unseal(KeyType.HMACSHA256_TAG256, sealed, kek, new byte[0]));
    }

    @Test
    void anyFlippedByteIsDetected() {
        byte[] sealed = Keyset.generate(KeyType.ED25519).seal(kek, AAD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = flip(sealed, i);
            assertUnsealFails(() -> Keyset.unseal(KeyType.ED25519, tampered, kek, AAD));
        }
    }

    @Test
    void truncatedOrEmptyBlobIsDetected() {
        byte[] sealed = Keyset.generate(KeyType.AES128GCM).seal(kek, AAD);
        for (int length : new int[] {0, 1, 4, 16, sealed.length / 2, sealed.length - 1}) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertUnsealFails(() -> Keyset.unseal(KeyType.AES128GCM, truncated, kek, AAD));
        }
    }

    private static void assertUnsealFails(Executable call) {
        VerificationFailedException e = assertThrows(VerificationFailedException.class, call);
        assertEquals("decryption_failed", e.code());
    }

    /** What {@code maker} produces, {@code checker} accepts. */
    private static void assertSameOperations(KeyType type, Keyset makerKeyset, Keyset checkerKeyset) {
        KeyOperations maker = makerKeyset.operations();
        KeyOperations checker = checkerKeyset.operations();
        switch (type.family()) {
            case KEY_AGREEMENT -> {
                // the checker unwraps what was wrapped to the maker's primary public key
                byte[] cek = Arrays.copyOf(MESSAGE, 32);
                WrappedKey wrapped = KeyWrapping.anoncrypt(cek, null, null, TestData.agreementKey(makerKeyset));
                assertArrayEquals(cek, checker.unwrapKey(wrapped, null, null));
            }
            case SIGNATURE -> checker.verify(maker.sign(MESSAGE), MESSAGE);
            case MULTI_MESSAGE_SIGNATURE -> {
                List<byte[]> messages = List.of(MESSAGE, AAD);
                checker.verifyMulti(maker.signMulti(messages), messages);
            }
            case MAC -> {
                checker.verifyMac(maker.computeMac(MESSAGE), MESSAGE);
                assertArrayEquals(maker.computeMac(MESSAGE), checker.computeMac(MESSAGE), "same primary key");
            }
            case AEAD -> {
                Ciphertext ciphertext = maker.encrypt(MESSAGE, AAD);
                assertArrayEquals(MESSAGE, checker.decrypt(ciphertext.ciphertext(), ciphertext.nonce(), AAD));
            }
        }
    }
}
