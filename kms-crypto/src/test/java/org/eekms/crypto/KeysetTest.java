package org.eekms.crypto;

import static org.eekms.crypto.TestData.coordinateLength;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key type, freshly generated: its operations round-trip and its outputs have the webkms formats (§4, §5). */
class KeysetTest {

    private static final byte[] MESSAGE = utf8("The quick brown fox jumps over the lazy dog");
    private static final byte[] AAD = utf8("associated data");

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generatesOneVersionOfTheType(KeyType type) {
        Keyset keyset = Keyset.generate(type);
        assertEquals(type, keyset.type());
        assertEquals(type, keyset.operations().type());
        assertEquals(1, keyset.versions());
        assertEquals("Keyset[" + type.wireName() + ", 1 versions]", keyset.toString());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generatedKeysDiffer(KeyType type) {
        Keyset first = Keyset.generate(type);
        Keyset second = Keyset.generate(type);
        if (type.isAsymmetric()) {
            assertNotEquals(first.thumbprint(), second.thumbprint());
            assertFalse(Arrays.equals(first.publicKey().orElseThrow(), second.publicKey().orElseThrow()));
        } else if (type.family() == KeyType.Family.MAC) {
            assertFalse(Arrays.equals(first.operations().computeMac(MESSAGE), second.operations().computeMac(MESSAGE)));
        } else {
            Ciphertext ciphertext = first.operations().encrypt(MESSAGE, AAD);
            KeyOperations other = second.operations();
            assertThrows(VerificationFailedException.class,
                    () -> other.decrypt(ciphertext.ciphertext(), ciphertext.nonce(), AAD));
        }
    }

    // ---- signatures

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void signsAndVerifies(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        byte[] signature = operations.sign(MESSAGE);
        operations.verify(signature, MESSAGE);
        operations.verify(operations.sign(new byte[0]), new byte[0]);
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void signaturesHaveTheTypesEncoding(KeyType type) {
        byte[] signature = Keyset.generate(type).operations().sign(MESSAGE);
        if (type == KeyType.ED25519) {
            assertEquals(64, signature.length);
        } else if (TestData.isDer(type)) {
            assertEquals(0x30, signature[0], "ASN.1 SEQUENCE");
            assertTrue(signature.length <= 2 * coordinateLength(type) + 9, "DER length " + signature.length);
        } else {
            assertEquals(2 * coordinateLength(type), signature.length, "r ‖ s");
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void signatureKeysHaveAThumbprint(KeyType type) {
        Keyset keyset = Keyset.generate(type);
        String thumbprint = keyset.thumbprint().orElseThrow();
        assertTrue(thumbprint.matches("[A-Za-z0-9_-]{43}"), "base64url of SHA-256: " + thumbprint);
        assertEquals(thumbprint, keyset.thumbprint().orElseThrow(), "stable");
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void exportsThePublicKeyInTheTypesFormat(KeyType type) throws Exception {
        byte[] exported = Keyset.generate(type).publicKey().orElseThrow();
        if (type == KeyType.ED25519) {
            assertEquals(32, exported.length);
        } else if (TestData.isDer(type)) {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(exported));
            ECPublicKey ec = assertInstanceOf(ECPublicKey.class, key);
            assertEquals(TestData.curve(type).getCurve(), ec.getParams().getCurve());
            assertArrayEquals(exported, key.getEncoded(), "canonical SubjectPublicKeyInfo");
        } else {
            int expected = switch (type) {
                case ECDSAP256_IEEE_P1363 -> 65;
                case ECDSAP384_IEEE_P1363 -> 97;
                case ECDSAP521_IEEE_P1363 -> 133;
                default -> throw new AssertionError(type);
            };
            assertEquals(expected, exported.length);
            assertEquals(0x04, exported[0], "uncompressed point");
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#symmetricTypes")
    void symmetricKeysHaveNoPublicKeyNorThumbprint(KeyType type) {
        Keyset keyset = Keyset.generate(type);
        assertTrue(keyset.publicKey().isEmpty());
        assertTrue(keyset.thumbprint().isEmpty());
    }

    // ---- AEAD

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void encryptsAndDecryptsWithAndWithoutAssociatedData(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();

        Ciphertext withAad = operations.encrypt(MESSAGE, AAD);
        assertArrayEquals(MESSAGE, operations.decrypt(withAad.ciphertext(), withAad.nonce(), AAD));

        Ciphertext withoutAad = operations.encrypt(MESSAGE, null);
        assertArrayEquals(MESSAGE, operations.decrypt(withoutAad.ciphertext(), withoutAad.nonce(), null));

        Ciphertext empty = operations.encrypt(new byte[0], AAD);
        assertArrayEquals(new byte[0], operations.decrypt(empty.ciphertext(), empty.nonce(), AAD));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void ciphertextIsPlaintextPlusTagWithTheNonceApart(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        int nonceLength = type == KeyType.XCHACHA20POLY1305 ? 24 : 12;
        for (int length : new int[] {0, 1, 16, 1000}) {
            Ciphertext ciphertext = operations.encrypt(new byte[length], AAD);
            assertEquals(length + 16, ciphertext.ciphertext().length, "no key prefix, no nonce, a 16-byte tag");
            assertEquals(nonceLength, ciphertext.nonce().length);
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void eachEncryptionHasAFreshNonce(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        Ciphertext first = operations.encrypt(MESSAGE, AAD);
        Ciphertext second = operations.encrypt(MESSAGE, AAD);
        assertFalse(Arrays.equals(first.nonce(), second.nonce()));
        assertFalse(Arrays.equals(first.ciphertext(), second.ciphertext()));
    }

    // ---- MAC

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#macTypes")
    void computesAndVerifiesMacs(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        operations.verifyMac(operations.computeMac(MESSAGE), MESSAGE);
        operations.verifyMac(operations.computeMac(new byte[0]), new byte[0]);
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#macTypes")
    void macIsTinkPrefixedAnd37Bytes(KeyType type) {
        KeyOperations operations = Keyset.generate(type).operations();
        byte[] mac = operations.computeMac(MESSAGE);
        byte[] other = operations.computeMac(utf8("other data"));
        assertEquals(37, mac.length);
        assertEquals(0x01, mac[0], "TINK output prefix");
        assertArrayEquals(Arrays.copyOfRange(mac, 0, 5), Arrays.copyOfRange(other, 0, 5), "same key id");
        assertArrayEquals(mac, operations.computeMac(MESSAGE), "deterministic");
    }
}
