package org.eekms.crypto;

import static org.eekms.crypto.TestData.flip;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.KmsException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The failure paths of the operations: what must not verify or decrypt, and what a type cannot do. */
class KeyOperationsTest {

    private static final byte[] MESSAGE = utf8("pay 100 to alice");
    private static final byte[] AAD = utf8("header");

    // ---- signatures

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void tamperedMessageDoesNotVerify(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        byte[] signature = operations.sign(MESSAGE);
        assertSignatureFails(() -> operations.verify(signature, utf8("pay 900 to alice")));
        assertSignatureFails(() -> operations.verify(signature, flip(MESSAGE, -1)));
        assertSignatureFails(() -> operations.verify(signature, new byte[0]));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void tamperedSignatureDoesNotVerify(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        byte[] signature = operations.sign(MESSAGE);
        for (int i = 0; i < signature.length; i++) {
            byte[] tampered = flip(signature, i);
            assertSignatureFails(() -> operations.verify(tampered, MESSAGE));
        }
        assertSignatureFails(() -> operations.verify(Arrays.copyOf(signature, signature.length - 1), MESSAGE));
        assertSignatureFails(() -> operations.verify(Arrays.copyOf(signature, signature.length + 1), MESSAGE));
        assertSignatureFails(() -> operations.verify(new byte[0], MESSAGE));
        assertSignatureFails(() -> operations.verify(new byte[signature.length], MESSAGE));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void signatureOfAnotherKeyDoesNotVerify(KeyType type) {
        byte[] signature = Keyset.generate(type).operations().sign(MESSAGE);
        KeyOperations other = Keyset.generate(type).operations();
        assertSignatureFails(() -> other.verify(signature, MESSAGE));
    }

    // ---- AEAD

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void wrongAssociatedDataDoesNotDecrypt(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        Ciphertext withAad = operations.encrypt(MESSAGE, AAD);
        assertDecryptionFails(() -> operations.decrypt(withAad.ciphertext(), withAad.nonce(), utf8("other")));
        assertDecryptionFails(() -> operations.decrypt(withAad.ciphertext(), withAad.nonce(), flip(AAD, 0)));
        assertDecryptionFails(() -> operations.decrypt(withAad.ciphertext(), withAad.nonce(), null));

        Ciphertext withoutAad = operations.encrypt(MESSAGE, null);
        assertDecryptionFails(() -> operations.decrypt(withoutAad.ciphertext(), withoutAad.nonce(), AAD));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void tamperedCiphertextDoesNotDecrypt(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        Ciphertext ciphertext = operations.encrypt(MESSAGE, AAD);
        byte[] bytes = ciphertext.ciphertext();
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = flip(bytes, i);
            assertDecryptionFails(() -> operations.decrypt(tampered, ciphertext.nonce(), AAD));
        }
        assertDecryptionFails(() -> operations.decrypt(Arrays.copyOf(bytes, bytes.length - 1), ciphertext.nonce(), AAD));
        assertDecryptionFails(() -> operations.decrypt(Arrays.copyOf(bytes, 15), ciphertext.nonce(), AAD));
        assertDecryptionFails(() -> operations.decrypt(new byte[0], ciphertext.nonce(), AAD));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void tamperedNonceDoesNotDecrypt(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        Ciphertext ciphertext = operations.encrypt(MESSAGE, AAD);
        for (int i = 0; i < ciphertext.nonce().length; i++) {
            byte[] nonce = flip(ciphertext.nonce(), i);
            assertDecryptionFails(() -> operations.decrypt(ciphertext.ciphertext(), nonce, AAD));
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void ciphertextOfAnotherKeyDoesNotDecrypt(KeyType type) {
        Ciphertext ciphertext = Keyset.generate(type).operations().encrypt(MESSAGE, AAD);
        KeyOperations other = Keyset.generate(type).operations();
        assertDecryptionFails(() -> other.decrypt(ciphertext.ciphertext(), ciphertext.nonce(), AAD));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void nonceOfTheWrongLengthIsAnInvalidRequest(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        Ciphertext ciphertext = operations.encrypt(MESSAGE, AAD);
        byte[] nonce = ciphertext.nonce();
        int otherLength = nonce.length == 12 ? 24 : 12;
        for (byte[] wrong : new byte[][] {null, new byte[0], Arrays.copyOf(nonce, nonce.length - 1),
                Arrays.copyOf(nonce, nonce.length + 1), new byte[otherLength]}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> operations.decrypt(ciphertext.ciphertext(), wrong, AAD));
            assertEquals("invalid_request", e.code());
            assertTrue(e.getMessage().contains(String.valueOf(nonce.length)), e.getMessage());
        }
    }

    // ---- MAC

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#macTypes")
    void macOfOtherDataDoesNotVerify(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        byte[] mac = operations.computeMac(MESSAGE);
        assertMacFails(() -> operations.verifyMac(mac, utf8("pay 900 to alice")));
        assertMacFails(() -> operations.verifyMac(mac, new byte[0]));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#macTypes")
    void tamperedMacDoesNotVerify(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        byte[] mac = operations.computeMac(MESSAGE);
        for (int i = 0; i < mac.length; i++) {
            byte[] tampered = flip(mac, i); // prefix byte, key id and tag alike
            assertMacFails(() -> operations.verifyMac(tampered, MESSAGE));
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#macTypes")
    void truncatedMacDoesNotVerify(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        byte[] mac = operations.computeMac(MESSAGE);
        for (int length : new int[] {36, 21, 5, 4, 1, 0}) {
            byte[] truncated = Arrays.copyOf(mac, length);
            assertMacFails(() -> operations.verifyMac(truncated, MESSAGE));
        }
        byte[] withoutPrefix = Arrays.copyOfRange(mac, 5, mac.length);
        assertMacFails(() -> operations.verifyMac(withoutPrefix, MESSAGE));
        byte[] extended = Arrays.copyOf(mac, mac.length + 1);
        assertMacFails(() -> operations.verifyMac(extended, MESSAGE));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#macTypes")
    void macOfAnotherKeyDoesNotVerify(KeyType type) {
        byte[] mac = Keyset.generate(type).operations().computeMac(MESSAGE);
        KeyOperations other = Keyset.generate(type).operations();
        assertMacFails(() -> other.verifyMac(mac, MESSAGE));
    }

    // ---- operations the type cannot do

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void aeadKeysNeitherSignNorMac(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        assertUnsupported(type, "sign", () -> operations.sign(MESSAGE));
        assertUnsupported(type, "verify", () -> operations.verify(new byte[64], MESSAGE));
        assertUnsupported(type, "computemac", () -> operations.computeMac(MESSAGE));
        assertUnsupported(type, "verifymac", () -> operations.verifyMac(new byte[37], MESSAGE));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#macTypes")
    void macKeysNeitherSignNorEncrypt(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        assertUnsupported(type, "sign", () -> operations.sign(MESSAGE));
        assertUnsupported(type, "verify", () -> operations.verify(new byte[64], MESSAGE));
        assertUnsupported(type, "encrypt", () -> operations.encrypt(MESSAGE, AAD));
        assertUnsupported(type, "decrypt", () -> operations.decrypt(new byte[32], new byte[12], AAD));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void signatureKeysNeitherEncryptNorMac(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        assertUnsupported(type, "encrypt", () -> operations.encrypt(MESSAGE, AAD));
        assertUnsupported(type, "decrypt", () -> operations.decrypt(new byte[32], new byte[12], AAD));
        assertUnsupported(type, "computemac", () -> operations.computeMac(MESSAGE));
        assertUnsupported(type, "verifymac", () -> operations.verifyMac(new byte[37], MESSAGE));
    }

    private static void assertUnsupported(KeyType type, String operation, Executable call) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertEquals("unsupported_operation", e.code());
        assertEquals(KmsException.Kind.BAD_REQUEST, e.kind());
        assertEquals("key type " + type.wireName() + " does not support " + operation, e.getMessage());
    }

    private static void assertSignatureFails(Executable call) {
        VerificationFailedException e = assertThrows(VerificationFailedException.class, call);
        assertEquals("verification_failed", e.code());
        assertEquals("signature does not verify", e.getMessage());
    }

    private static void assertDecryptionFails(Executable call) {
        VerificationFailedException e = assertThrows(VerificationFailedException.class, call);
        assertEquals("decryption_failed", e.code());
    }

    private static void assertMacFails(Executable call) {
        VerificationFailedException e = assertThrows(VerificationFailedException.class, call);
        assertEquals("verification_failed", e.code());
        assertEquals("MAC does not verify", e.getMessage());
    }
}
