package org.eekms.crypto;

import static org.eekms.crypto.TestData.jdkPublicKey;
import static org.eekms.crypto.TestData.jdkVerify;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rotation adds a new primary: what the old versions made still verifies and decrypts under the rotated keyset,
 * and what the new primary makes does not under the old keyset.
 */
class KeysetRotationTest {

    private static final byte[] MESSAGE = utf8("made before the rotation");
    private static final byte[] AAD = utf8("aad");

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void rotationAddsAVersionAndLeavesTheOriginalAlone(KeyType type) {
        Keyset original = Keyset.generate(type);
        Keyset rotated = original.rotate();
        assertEquals(2, rotated.versions());
        assertEquals(type, rotated.type());
        assertEquals(1, original.versions(), "immutable");
        assertEquals(3, rotated.rotate().versions());
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void newPrimarySignsAndOldSignaturesStillVerify(KeyType type) {
        Keyset original = Keyset.generate(type);
        byte[] before = original.operations().sign(MESSAGE);

        Keyset rotated = original.rotate();
        assertNotEquals(original.thumbprint().orElseThrow(), rotated.thumbprint().orElseThrow());
        assertFalse(Arrays.equals(original.publicKey().orElseThrow(), rotated.publicKey().orElseThrow()));

        KeyOperations operations = rotated.operations();
        operations.verify(before, MESSAGE);

        byte[] after = operations.sign(MESSAGE);
        operations.verify(after, MESSAGE);
        assertTrue(jdkVerify(type, jdkPublicKey(type, rotated.publicKey().orElseThrow()), after, MESSAGE),
                "signed by the new primary, whose public key is exported");
        assertFalse(jdkVerify(type, jdkPublicKey(type, original.publicKey().orElseThrow()), after, MESSAGE),
                "not by the old key");
        assertThrows(VerificationFailedException.class, () -> original.operations().verify(after, MESSAGE));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void signaturesOfEveryOlderVersionVerify(KeyType type) {
        Keyset first = Keyset.generate(type);
        Keyset second = first.rotate();
        Keyset third = second.rotate();
        KeyOperations operations = third.operations();
        operations.verify(first.operations().sign(MESSAGE), MESSAGE);
        operations.verify(second.operations().sign(MESSAGE), MESSAGE);
        operations.verify(third.operations().sign(MESSAGE), MESSAGE);
        assertThrows(VerificationFailedException.class,
                () -> operations.verify(Keyset.generate(type).operations().sign(MESSAGE), MESSAGE));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void importedKeysRotate(KeyType type) {
        Keyset imported = Keyset.importPrivateKey(type, TestData.jdkKeyPair(type).getPrivate().getEncoded());
        byte[] before = imported.operations().sign(MESSAGE);
        Keyset rotated = imported.rotate();
        assertEquals(2, rotated.versions());
        assertNotEquals(imported.thumbprint(), rotated.thumbprint());
        rotated.operations().verify(before, MESSAGE);
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void oldCiphertextsStillDecryptAndNewOnesNeedTheNewKey(KeyType type) {
        Keyset original = Keyset.generate(type);
        Ciphertext before = original.operations().encrypt(MESSAGE, AAD);

        Keyset rotated = original.rotate();
        KeyOperations operations = rotated.operations();
        assertArrayEquals(MESSAGE, operations.decrypt(before.ciphertext(), before.nonce(), AAD));

        Ciphertext after = operations.encrypt(MESSAGE, AAD);
        assertArrayEquals(MESSAGE, operations.decrypt(after.ciphertext(), after.nonce(), AAD));
        assertThrows(VerificationFailedException.class,
                () -> original.operations().decrypt(after.ciphertext(), after.nonce(), AAD),
                "encrypted under the new primary");

        // the older version still checks associated data after the rotation
        assertThrows(VerificationFailedException.class,
                () -> operations.decrypt(before.ciphertext(), before.nonce(), utf8("other")));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void ciphertextsOfEveryOlderVersionDecrypt(KeyType type) {
        Keyset first = Keyset.generate(type);
        Keyset second = first.rotate();
        Keyset third = second.rotate();
        for (Keyset maker : new Keyset[] {first, second, third}) {
            Ciphertext ciphertext = maker.operations().encrypt(MESSAGE, AAD);
            assertArrayEquals(MESSAGE, third.operations().decrypt(ciphertext.ciphertext(), ciphertext.nonce(), AAD));
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#macTypes")
    void oldMacsStillVerifyAndNewOnesNeedTheNewKey(KeyType type) {
        Keyset original = Keyset.generate(type);
        byte[] before = original.operations().computeMac(MESSAGE);

        Keyset rotated = original.rotate();
        KeyOperations operations = rotated.operations();
        operations.verifyMac(before, MESSAGE);

        byte[] after = operations.computeMac(MESSAGE);
        operations.verifyMac(after, MESSAGE);
        assertFalse(Arrays.equals(Arrays.copyOfRange(before, 1, 5), Arrays.copyOfRange(after, 1, 5)),
                "the new primary has its own key id");
        assertThrows(VerificationFailedException.class, () -> original.operations().verifyMac(after, MESSAGE));
    }

    @Test
    void rotatedKeysetToStringCountsVersions() {
        assertEquals("Keyset[ED25519, 2 versions]", Keyset.generate(KeyType.ED25519).rotate().toString());
    }
}
