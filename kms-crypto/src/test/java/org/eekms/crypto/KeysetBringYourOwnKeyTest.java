package org.eekms.crypto;

import static org.eekms.crypto.TestData.concat;
import static org.eekms.crypto.TestData.hex;
import static org.eekms.crypto.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bring your own key: raw symmetric keys for every AEAD and MAC type, checked against the JDK with the same raw
 * key, and verify-only public keys for every signature type, checked with JDK-made signatures.
 */
class KeysetBringYourOwnKeyTest {

    private static final byte[] MESSAGE = utf8("bring your own key");
    private static final byte[] AAD = utf8("associated data");
    private static final Map<KeyType, Integer> KEY_LENGTHS = Map.of(
            KeyType.AES128GCM, 16, KeyType.AES256GCM, 32, KeyType.AES256GCM_NO_PREFIX, 32,
            KeyType.CHACHA20POLY1305, 32, KeyType.XCHACHA20POLY1305, 32, KeyType.HMACSHA256_TAG256, 32);

    private final SecretAead kek = SecretAeads.aes256Gcm(SecretBytes.random(32));

    private static byte[] knownKey(int length) {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (0xa0 + i);
        }
        return key;
    }

    // ---- symmetric keys

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"AES128GCM", "AES256GCM", "AES256GCM_NO_PREFIX"})
    void aesGcmCiphertextsDecryptWithTheJdkUnderTheSameRawKey(KeyType type) throws Exception {
        byte[] raw = knownKey(KEY_LENGTHS.get(type));
        Keyset keyset = Keyset.importSymmetricKey(type, raw);
        assertArrayEquals(knownKey(raw.length), raw, "the caller's array is not changed");
        assertFalse(keyset.verifyOnly());
        assertEquals(1, keyset.versions());

        Ciphertext sealed = keyset.operations().encrypt(MESSAGE, AAD);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, sealed.nonce()));
        jdk.updateAAD(AAD);
        assertArrayEquals(MESSAGE, jdk.doFinal(sealed.ciphertext()), type.wireName());

        byte[] nonce = knownKey(12);
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, nonce));
        jdk.updateAAD(AAD);
        assertArrayEquals(MESSAGE, keyset.operations().decrypt(jdk.doFinal(MESSAGE), nonce, AAD));
    }

    @Test
    void chaCha20Poly1305CiphertextsDecryptWithTheJdkUnderTheSameRawKey() throws Exception {
        byte[] raw = knownKey(32);
        Keyset keyset = Keyset.importSymmetricKey(KeyType.CHACHA20POLY1305, raw);
        Ciphertext sealed = keyset.operations().encrypt(MESSAGE, AAD);
        Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "ChaCha20"), new IvParameterSpec(sealed.nonce()));
        jdk.updateAAD(AAD);
        assertArrayEquals(MESSAGE, jdk.doFinal(sealed.ciphertext()));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#aeadTypes")
    void theSameRawKeyImportedTwiceDecryptsWhatTheOtherEncrypted(KeyType type) {
        Keyset first = Keyset.importSymmetricKey(type, knownKey(KEY_LENGTHS.get(type)));
        Keyset second = Keyset.importSymmetricKey(type, knownKey(KEY_LENGTHS.get(type)));
        Ciphertext sealed = first.operations().encrypt(MESSAGE, AAD);
        assertEquals(type == KeyType.XCHACHA20POLY1305 ? 24 : 12, sealed.nonce().length);
        assertArrayEquals(MESSAGE, second.operations().decrypt(sealed.ciphertext(), sealed.nonce(), AAD));
        Keyset other = Keyset.importSymmetricKey(type, new byte[KEY_LENGTHS.get(type)]);
        assertThrows(VerificationFailedException.class,
                () -> other.operations().decrypt(sealed.ciphertext(), sealed.nonce(), AAD));
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 48, 64})
    void hmacIsTinksPrefixThenTheJdksHmacSha256(int length) throws Exception {
        byte[] raw = knownKey(length);
        Keyset keyset = Keyset.importSymmetricKey(KeyType.HMACSHA256_TAG256, raw);
        byte[] tag = keyset.operations().computeMac(MESSAGE);
        assertEquals(37, tag.length);
        assertEquals(1, tag[0], "Tink output prefix");
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(raw, "HmacSHA256"));
        assertArrayEquals(jdk.doFinal(MESSAGE), Arrays.copyOfRange(tag, 5, tag.length));
        keyset.operations().verifyMac(tag, MESSAGE);
        assertThrows(VerificationFailedException.class, () -> keyset.operations().verifyMac(tag, AAD));
    }

    @Test
    void importedKeysGetRandomKeyIds() {
        byte[] first = Keyset.importSymmetricKey(KeyType.HMACSHA256_TAG256, knownKey(32)).operations()
                .computeMac(MESSAGE);
        byte[] second = Keyset.importSymmetricKey(KeyType.HMACSHA256_TAG256, knownKey(32)).operations()
                .computeMac(MESSAGE);
        assertNotEquals(hex(Arrays.copyOf(first, 5)), hex(Arrays.copyOf(second, 5)));
        assertArrayEquals(Arrays.copyOfRange(first, 5, 37), Arrays.copyOfRange(second, 5, 37));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#symmetricTypes")
    void importedSymmetricKeysetsSealAndRotate(KeyType type) {
        Keyset imported = Keyset.importSymmetricKey(type, knownKey(KEY_LENGTHS.get(type)));
        Keyset unsealed = Keyset.unseal(type, imported.seal(kek, AAD), kek, AAD);
        Keyset rotated = unsealed.rotate();
        assertEquals(2, rotated.versions());
        if (type.family() == KeyType.Family.MAC) {
            byte[] tag = imported.operations().computeMac(MESSAGE);
            rotated.operations().verifyMac(tag, MESSAGE);
            assertNotEquals(hex(tag), hex(rotated.operations().computeMac(MESSAGE)));
        } else {
            Ciphertext old = imported.operations().encrypt(MESSAGE, AAD);
            assertArrayEquals(MESSAGE, rotated.operations().decrypt(old.ciphertext(), old.nonce(), AAD));
            Ciphertext fresh = rotated.operations().encrypt(MESSAGE, AAD);
            assertThrows(VerificationFailedException.class,
                    () -> imported.operations().decrypt(fresh.ciphertext(), fresh.nonce(), AAD),
                    "the rotated keyset encrypts under a new primary");
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#symmetricTypes")
    void refusesRawKeysOfTheWrongLength(KeyType type) {
        int length = KEY_LENGTHS.get(type);
        for (int wrong : new int[] {1, length - 1, type == KeyType.HMACSHA256_TAG256 ? 65 : length + 1, 128}) {
            byte[] raw = knownKey(wrong);
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> Keyset.importSymmetricKey(type, raw), type.wireName() + " " + wrong);
            assertEquals("invalid_request", e.code());
            assertTrue(e.getMessage().contains("bytes for " + type.wireName()), e.getMessage());
            assertNoKeyBytes(e, raw);
        }
        assertEquals("key is required",
                assertThrows(InvalidRequestException.class, () -> Keyset.importSymmetricKey(type, null)).getMessage());
        assertThrows(InvalidRequestException.class, () -> Keyset.importSymmetricKey(type, new byte[0]));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void refusesRawBytesForSignatureTypes(KeyType type) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Keyset.importSymmetricKey(type, knownKey(32)));
        assertEquals("unsupported_key_type", e.code());
        assertNoKeyBytes(e, knownKey(32));
    }

    // ---- verify-only public keys

    private static byte[] exportFormat(KeyType type, KeyPair pair) {
        if (type == KeyType.ED25519) {
            return TestData.rawEd25519(pair.getPublic());
        }
        if (TestData.isDer(type)) {
            return pair.getPublic().getEncoded();
        }
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        int size = TestData.coordinateLength(type);
        return concat(new byte[] {4}, TestData.unsigned(key.getW().getAffineX(), size),
                TestData.unsigned(key.getW().getAffineY(), size));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void publicKeysVerifyJdkSignaturesAndRefuseToSign(KeyType type) {
        KeyPair pair = TestData.jdkKeyPair(type);
        byte[] publicKey = exportFormat(type, pair);
        Keyset keyset = Keyset.importPublicKey(type, publicKey);
        assertTrue(keyset.verifyOnly());
        assertEquals(1, keyset.versions());
        assertTrue(keyset.toString().contains("verify-only"));

        KeyOperations operations = keyset.operations();
        byte[] signature = TestData.jdkSign(type, pair.getPrivate(), MESSAGE);
        assertDoesNotThrow(() -> operations.verify(signature, MESSAGE));
        assertThrows(VerificationFailedException.class, () -> operations.verify(signature, AAD));
        assertThrows(VerificationFailedException.class,
                () -> operations.verify(TestData.flip(signature, signature.length - 1), MESSAGE));

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> operations.sign(MESSAGE));
        assertEquals("unsupported_operation", refused.code());
        assertTrue(refused.getMessage().contains("verify-only"), refused.getMessage());
        assertEquals("unsupported_operation",
                assertThrows(InvalidRequestException.class, () -> operations.encrypt(MESSAGE, AAD)).code());

        assertArrayEquals(publicKey, keyset.publicKey().orElseThrow(), "export gives back the imported bytes");
        assertEquals(Keyset.importPrivateKey(type, pair.getPrivate().getEncoded()).thumbprint(),
                keyset.thumbprint());
        String expected = type == KeyType.ED25519
                ? TestData.ed25519Thumbprint(publicKey)
                : TestData.ecThumbprint(type, (ECPublicKey) pair.getPublic());
        assertEquals(expected, keyset.thumbprint().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void verifyOnlyKeysetsRefuseRotation(KeyType type) {
        Keyset keyset = Keyset.importPublicKey(type, exportFormat(type, TestData.jdkKeyPair(type)));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, keyset::rotate);
        assertEquals("unsupported_operation", e.code());
        assertTrue(e.getMessage().contains("verify-only"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void publicKeysetsSealAndStayVerifyOnly(KeyType type) {
        KeyPair pair = TestData.jdkKeyPair(type);
        Keyset keyset = Keyset.importPublicKey(type, exportFormat(type, pair));
        byte[] sealed = keyset.seal(kek, AAD);
        Keyset unsealed = Keyset.unseal(type, sealed, kek, AAD);
        assertTrue(unsealed.verifyOnly());
        assertEquals(keyset.thumbprint(), unsealed.thumbprint());
        assertArrayEquals(keyset.publicKey().orElseThrow(), unsealed.publicKey().orElseThrow());
        unsealed.operations().verify(TestData.jdkSign(type, pair.getPrivate(), MESSAGE), MESSAGE);
        assertThrows(InvalidRequestException.class, () -> unsealed.operations().sign(MESSAGE));
        assertThrows(VerificationFailedException.class, () -> Keyset.unseal(type, sealed, kek, utf8("other")));
    }

    @Test
    void generatedAndPrivateImportedKeysAreNotVerifyOnly() {
        assertFalse(Keyset.generate(KeyType.ED25519).verifyOnly());
        assertFalse(Keyset.generate(KeyType.AES256GCM).verifyOnly());
        KeyPair pair = TestData.jdkKeyPair(KeyType.ECDSAP256_DER);
        assertFalse(Keyset.importPrivateKey(KeyType.ECDSAP256_DER, pair.getPrivate().getEncoded()).verifyOnly());
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#symmetricTypes")
    void refusesPublicKeysForSymmetricTypes(KeyType type) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Keyset.importPublicKey(type, knownKey(32)));
        assertEquals("unsupported_key_type", e.code());
    }

    @Test
    void refusesMissingPublicKeys() {
        assertEquals("public_key is required", assertThrows(InvalidRequestException.class,
                () -> Keyset.importPublicKey(KeyType.ED25519, null)).getMessage());
        assertThrows(InvalidRequestException.class, () -> Keyset.importPublicKey(KeyType.ECDSAP256_DER, new byte[0]));
    }

    @Test
    void refusesEd25519PublicKeysOfTheWrongLengthOrOffTheCurve() {
        byte[] valid = TestData.rawEd25519(TestData.jdkKeyPair(KeyType.ED25519).getPublic());
        assertInvalidPublicKey(KeyType.ED25519, Arrays.copyOf(valid, 31));
        assertInvalidPublicKey(KeyType.ED25519, Arrays.copyOf(valid, 33));
        assertInvalidPublicKey(KeyType.ED25519, concat(hex(TestData.ED25519_SPKI_HEADER), valid));
        assertInvalidPublicKey(KeyType.ED25519, notAnEd25519Point());
    }

    /** A y coordinate for which x² = (y² − 1) / (d y² + 1) has no root: found by trying, checked by BouncyCastle. */
    private static byte[] notAnEd25519Point() {
        for (int y = 2; y < 256; y++) {
            byte[] candidate = new byte[32];
            candidate[0] = (byte) y;
            try {
                new Ed25519PublicKeyParameters(candidate, 0);
            } catch (IllegalArgumentException e) {
                return candidate;
            }
        }
        throw new AssertionError("no invalid point found");
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#ecdsaTypes")
    void refusesMalformedOrMismatchedEcPublicKeys(KeyType type) {
        KeyPair pair = TestData.jdkKeyPair(type);
        byte[] valid = exportFormat(type, pair);
        assertInvalidPublicKey(type, utf8("not a key at all"));
        assertInvalidPublicKey(type, Arrays.copyOf(valid, valid.length - 1));
        assertInvalidPublicKey(type, concat(valid, new byte[1]));
        assertInvalidPublicKey(type, TestData.flip(valid, valid.length - 1)); // y no longer on the curve
        KeyType otherCurve = type.wireName().contains("P256")
                ? (TestData.isDer(type) ? KeyType.ECDSAP384_DER : KeyType.ECDSAP384_IEEE_P1363)
                : (TestData.isDer(type) ? KeyType.ECDSAP256_DER : KeyType.ECDSAP256_IEEE_P1363);
        assertInvalidPublicKey(type, exportFormat(otherCurve, TestData.jdkKeyPair(otherCurve)));
        if (TestData.isDer(type)) {
            assertInvalidPublicKey(type, uncompressed(pair, type)); // a point for a DER type
            assertInvalidPublicKey(type, TestData.jdkKeyPair(KeyType.ED25519).getPublic().getEncoded());
        } else {
            int size = TestData.coordinateLength(type);
            assertInvalidPublicKey(type, pair.getPublic().getEncoded()); // DER for a P1363 type
            byte[] compressed = Arrays.copyOf(valid, 1 + size);
            compressed[0] = (byte) (2 + (valid[valid.length - 1] & 1));
            assertInvalidPublicKey(type, compressed);
            byte[] infinity = new byte[1 + 2 * size];
            infinity[0] = 4;
            assertInvalidPublicKey(type, infinity);
            byte[] outOfField = new byte[1 + 2 * size];
            Arrays.fill(outOfField, (byte) 0xff);
            outOfField[0] = 4;
            assertInvalidPublicKey(type, outOfField);
            byte[] wrongMarker = valid.clone();
            wrongMarker[0] = 5;
            assertInvalidPublicKey(type, wrongMarker);
        }
    }

    private static byte[] uncompressed(KeyPair pair, KeyType derType) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        int size = TestData.coordinateLength(derType);
        return concat(new byte[] {4}, TestData.unsigned(key.getW().getAffineX(), size),
                TestData.unsigned(key.getW().getAffineY(), size));
    }

    private static void assertInvalidPublicKey(KeyType type, byte[] publicKey) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Keyset.importPublicKey(type, publicKey), type.wireName());
        assertEquals("invalid_request", e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("public_key "), e.getMessage());
        assertNoKeyBytes(e, publicKey);
    }

    private static void assertNoKeyBytes(InvalidRequestException e, byte[] key) {
        String message = e.getMessage().toLowerCase();
        assertFalse(message.contains(hex(key).toLowerCase()), message);
        assertFalse(message.contains(Base64.getEncoder().encodeToString(key).toLowerCase()), message);
    }
}
