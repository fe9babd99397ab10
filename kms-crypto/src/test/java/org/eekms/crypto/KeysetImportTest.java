package org.eekms.crypto;

import static org.eekms.crypto.TestData.ed25519Pkcs8;
import static org.eekms.crypto.TestData.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.eekms.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Importing PKCS#8 private keys: every malformed or mismatched key is a 400, never a 500. */
class KeysetImportTest {

    private static final byte[] TEST1_PKCS8 = ed25519Pkcs8(hex(TestData.RFC8032_TEST_1.secretKey()));

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#signatureTypes")
    void importsAJdkKeyAsOneVersion(KeyType type) {
        Keyset keyset = Keyset.importPrivateKey(type, TestData.jdkKeyPair(type).getPrivate().getEncoded());
        assertEquals(type, keyset.type());
        assertEquals(1, keyset.versions());
    }

    @Test
    void rejectsGarbage() {
        assertInvalid(KeyType.ED25519, TestData.utf8("not a key at all"));
        assertInvalid(KeyType.ECDSAP256_DER, hex("deadbeef"));
        assertInvalid(KeyType.ECDSAP256_DER, new byte[64]);
        assertInvalid(KeyType.ECDSAP256_IEEE_P1363, hex("3000"));
        assertInvalid(KeyType.ED25519, hex("30ffffffff"));
    }

    @Test
    void rejectsMissingKeys() {
        assertInvalid(KeyType.ED25519, new byte[0]);
        assertInvalid(KeyType.ECDSAP256_DER, null);
    }

    @Test
    void rejectsTruncatedKeys() {
        for (int length = 1; length < TEST1_PKCS8.length; length++) {
            assertInvalid(KeyType.ED25519, Arrays.copyOf(TEST1_PKCS8, length));
        }
    }

    @Test
    void rejectsAnEd25519SeedOfTheWrongLength() {
        // 302d…0420 with a 31-byte seed: well-formed DER, but not an Ed25519 private key
        byte[] shortSeed = hex("302d020100300506032b65700421041f" + "00".repeat(31));
        assertInvalid(KeyType.ED25519, shortSeed);
    }

    @Test
    void rejectsAPublicKey() {
        byte[] spki = TestData.jdkKeyPair(KeyType.ECDSAP256_DER).getPublic().getEncoded();
        assertInvalid(KeyType.ECDSAP256_DER, spki);
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#ecdsaTypes")
    void rejectsAnEd25519KeyAsEcdsa(KeyType type) {
        assertMismatch(type, TEST1_PKCS8);
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#ecdsaTypes")
    void rejectsAnEcdsaKeyAsEd25519(KeyType keyType) {
        assertMismatch(KeyType.ED25519, TestData.jdkKeyPair(keyType).getPrivate().getEncoded());
    }

    @Test
    void rejectsAKeyOfAnotherCurve() {
        byte[] p384 = TestData.jdkKeyPair(KeyType.ECDSAP384_DER).getPrivate().getEncoded();
        byte[] p256 = TestData.jdkKeyPair(KeyType.ECDSAP256_DER).getPrivate().getEncoded();
        byte[] p521 = TestData.jdkKeyPair(KeyType.ECDSAP521_DER).getPrivate().getEncoded();
        assertMismatch(KeyType.ECDSAP256_IEEE_P1363, p384);
        assertMismatch(KeyType.ECDSAP256_DER, p384);
        assertMismatch(KeyType.ECDSAP384_IEEE_P1363, p256);
        assertMismatch(KeyType.ECDSAP384_DER, p521);
        assertMismatch(KeyType.ECDSAP521_DER, p256);
        assertMismatch(KeyType.ECDSAP521_IEEE_P1363, p384);
    }

    @Test
    void rejectsASecp256k1KeyAsP256() {
        byte[] secp256k1 = ecPkcs8(SECObjectIdentifiers.secp256k1, 256, BigInteger.valueOf(7));
        assertMismatch(KeyType.ECDSAP256_DER, secp256k1);
        assertMismatch(KeyType.ECDSAP256_IEEE_P1363, secp256k1);
    }

    @Test
    void rejectsEcdsaPrivateValuesOutOfRange() {
        BigInteger n = TestData.curve(KeyType.ECDSAP256_DER).getOrder();
        assertInvalid(KeyType.ECDSAP256_DER, ecPkcs8(SECObjectIdentifiers.secp256r1, 256, BigInteger.ZERO));
        assertInvalid(KeyType.ECDSAP256_DER, ecPkcs8(SECObjectIdentifiers.secp256r1, 256, n));
        assertInvalid(KeyType.ECDSAP256_DER, ecPkcs8(SECObjectIdentifiers.secp256r1, 256, n.add(BigInteger.ONE)));
    }

    @Test
    void acceptsTheSmallestAndLargestEcdsaPrivateValues() {
        BigInteger n = TestData.curve(KeyType.ECDSAP256_DER).getOrder();
        for (BigInteger d : new BigInteger[] {BigInteger.ONE, n.subtract(BigInteger.ONE)}) {
            Keyset keyset = Keyset.importPrivateKey(KeyType.ECDSAP256_DER,
                    ecPkcs8(SECObjectIdentifiers.secp256r1, 256, d));
            byte[] signature = keyset.operations().sign(TestData.utf8("m"));
            keyset.operations().verify(signature, TestData.utf8("m"));
        }
    }

    @Test
    void rejectsKeysOfOtherAlgorithms() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        byte[] rsaKey = rsa.generateKeyPair().getPrivate().getEncoded();
        byte[] x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate().getEncoded();
        byte[] ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate().getEncoded();

        assertMismatch(KeyType.ECDSAP256_DER, rsaKey);
        assertMismatch(KeyType.ED25519, rsaKey);
        assertMismatch(KeyType.ED25519, x25519);
        assertMismatch(KeyType.ED25519, ed448);
        assertMismatch(KeyType.ECDSAP256_IEEE_P1363, x25519);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"AES128GCM", "AES256GCM", "AES256GCM_NO_PREFIX", "CHACHA20POLY1305",
            "XCHACHA20POLY1305", "HMACSHA256_TAG256"})
    void rejectsTypesThatCannotBeImported(KeyType type) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Keyset.importPrivateKey(type, TEST1_PKCS8));
        assertEquals("unsupported_key_type", e.code());
        // the type is refused before the bytes are looked at
        assertEquals("unsupported_key_type",
                assertThrows(InvalidRequestException.class, () -> Keyset.importPrivateKey(type, new byte[32])).code());
    }

    @Test
    void errorMessagesDoNotEchoTheKey() {
        byte[] p384 = TestData.jdkKeyPair(KeyType.ECDSAP384_DER).getPrivate().getEncoded();
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Keyset.importPrivateKey(KeyType.ECDSAP256_DER, p384));
        assertFalse(e.getMessage().contains(hex(p384).substring(p384.length * 2 - 40)), e.getMessage());
    }

    private static InvalidRequestException assertInvalid(KeyType type, byte[] pkcs8) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Keyset.importPrivateKey(type, pkcs8));
        assertEquals(org.eekms.problem.KmsException.Kind.BAD_REQUEST, e.kind());
        return e;
    }

    /** A well-formed key of another algorithm or curve: the message says it does not match the type. */
    private static void assertMismatch(KeyType type, byte[] pkcs8) {
        InvalidRequestException e = assertInvalid(type, pkcs8);
        assertEquals("key does not match key type " + type.wireName(), e.getMessage());
    }

    /** A PKCS#8 EC private key with any scalar, which the JDK would refuse to encode. */
    private static byte[] ecPkcs8(org.bouncycastle.asn1.ASN1ObjectIdentifier curve, int orderBits, BigInteger d) {
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve),
                    new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, d)).getEncoded();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
