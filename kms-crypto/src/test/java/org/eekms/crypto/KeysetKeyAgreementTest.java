package org.eekms.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The ECDH key-wrapping keys as the service holds them: export, key ids, import, wrap, unwrap, rotation. */
class KeysetKeyAgreementTest {

    private static final byte[] CEK = new byte[32];
    private static final byte[] APU = "Alice".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] APV = "Bob".getBytes(StandardCharsets.US_ASCII);

    @Test
    void exportIsAfgosJsonOfTheRfc7518Key() throws Exception {
        // Bob's P-256 key of RFC 7518 Appendix C; AFGo's export of it, computed along its code
        byte[] pkcs8 = ecPkcs8("secp256r1", "VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw");
        Keyset keyset = Keyset.importPrivateKey(KeyType.NISTP256ECDHKW, pkcs8);
        assertEquals("{\"kid\":\"Vy57XrArUrW0NbpI12tEzDHABxMwrTh6HHXRenSpnCo\",\"x\":\"weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQ"
                + "feF/PxMQ=\",\"y\":\"e8lnCO+AlStT+NJVX+crhB7QRYhiix03illJOVAOyck=\",\"curve\":\"NIST_P256\",\"type\":\"EC\"}",
                new String(keyset.publicKey().orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("Vy57XrArUrW0NbpI12tEzDHABxMwrTh6HHXRenSpnCo", keyset.thumbprint().orElseThrow());
    }

    @Test
    void exportIsAfgosJsonOfTheEcdh1puDraftX25519Key() throws Exception {
        byte[] d = Base64.getUrlDecoder().decode("1gDirl_r_Y3-qUa3WXHgEXrrEHngWThU3c9zj9A2uBg");
        byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(new X25519PrivateKeyParameters(d)).getEncoded();
        Keyset keyset = Keyset.importPrivateKey(KeyType.X25519ECDHKW, pkcs8);
        assertEquals("{\"kid\":\"MxGgsYPB_SB5hETvTakjfF82tXLRlJNrpGM45FVhlWc\",\"x\":\"BT7aR0ItXfeDAldeeOlXL/wXqp+j5FltT0vRSG"
                + "16kRw=\",\"curve\":\"X25519\",\"type\":\"OKP\"}",
                new String(keyset.publicKey().orElseThrow(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#keyAgreementTypes")
    void theKidIsTheRfc7638ThumbprintWithPaddedCoordinates(KeyType type) throws Exception {
        for (int i = 0; i < 20; i++) {
            Keyset keyset = Keyset.generate(type);
            AgreementPublicKey key = TestData.agreementKey(keyset);
            assertEquals(keyset.thumbprint().orElseThrow(), key.kid());
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String jwk = type == KeyType.X25519ECDHKW
                    ? "{\"crv\":\"X25519\",\"kty\":\"OKP\",\"x\":\"" + b64.encodeToString(key.x()) + "\"}"
                    : "{\"crv\":\"" + jwkCurve(type) + "\",\"kty\":\"EC\",\"x\":\"" + b64.encodeToString(padded(key.x(), type))
                            + "\",\"y\":\"" + b64.encodeToString(padded(key.y(), type)) + "\"}";
            assertEquals(b64.encodeToString(MessageDigest.getInstance("SHA-256").digest(
                    jwk.getBytes(StandardCharsets.UTF_8))), key.kid());
            assertEquals(type == KeyType.X25519ECDHKW ? "OKP" : "EC", key.type());
            assertEquals(type == KeyType.X25519ECDHKW, key.y() == null);
        }
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#keyAgreementTypes")
    void anoncryptAndAuthcryptUnwrapAndWrongPartiesFail(KeyType type) {
        Keyset alice = Keyset.generate(type);
        Keyset bob = Keyset.generate(type);
        AgreementPublicKey bobKey = TestData.agreementKey(bob);
        AgreementPublicKey aliceKey = TestData.agreementKey(alice);

        WrappedKey anon = KeyWrapping.anoncrypt(CEK, APU, APV, bobKey);
        assertEquals(bobKey.kid(), anon.kid());
        assertArrayEquals(CEK, bob.operations().unwrapKey(anon, null, null));
        assertThrows(VerificationFailedException.class, () -> alice.operations().unwrapKey(anon, null, null));

        byte[] tag = "tag".getBytes(StandardCharsets.US_ASCII);
        WrappedKey auth = alice.operations().wrapKey(CEK, APU, APV, bobKey, tag);
        assertEquals("ECDH-1PU+A128KW", auth.alg());
        assertArrayEquals(CEK, bob.operations().unwrapKey(auth, aliceKey, tag));
        assertThrows(VerificationFailedException.class, () -> bob.operations().unwrapKey(auth, bobKey, tag));
        assertThrows(VerificationFailedException.class, () -> bob.operations().unwrapKey(auth, aliceKey, APU));
        assertThrows(InvalidRequestException.class, () -> bob.operations().unwrapKey(auth, null, tag));
        assertThrows(InvalidRequestException.class, () -> alice.operations().sign(CEK));
    }

    @ParameterizedTest
    @MethodSource("org.eekms.crypto.TestData#keyAgreementTypes")
    void keysWrappedBeforeARotationStillUnwrap(KeyType type) {
        Keyset first = Keyset.generate(type);
        WrappedKey old = KeyWrapping.anoncrypt(CEK, null, null, TestData.agreementKey(first));
        Keyset rotated = first.rotate();
        assertFalse(first.thumbprint().equals(rotated.thumbprint()), "the primary, and so the export, changed");
        assertArrayEquals(CEK, rotated.operations().unwrapKey(old, null, null));
        WrappedKey fresh = KeyWrapping.anoncrypt(CEK, null, null, TestData.agreementKey(rotated));
        assertArrayEquals(CEK, rotated.operations().unwrapKey(fresh, null, null));
        assertThrows(VerificationFailedException.class, () -> first.operations().unwrapKey(fresh, null, null));
    }

    @Test
    void importRefusesKeysOfAnotherCurveAndPublicKeys() throws Exception {
        byte[] p384 = ecPkcs8("secp384r1", null);
        assertThrows(InvalidRequestException.class, () -> Keyset.importPrivateKey(KeyType.NISTP256ECDHKW, p384));
        Keyset.importPrivateKey(KeyType.NISTP384ECDHKW, p384);
        assertThrows(InvalidRequestException.class, () -> Keyset.importPrivateKey(KeyType.X25519ECDHKW, p384));
        Keyset key = Keyset.generate(KeyType.NISTP256ECDHKW);
        assertThrows(InvalidRequestException.class,
                () -> Keyset.importPublicKey(KeyType.NISTP256ECDHKW, key.publicKey().orElseThrow()));
        assertThrows(InvalidRequestException.class, () -> Keyset.importSymmetricKey(KeyType.X25519ECDHKW, CEK));
        assertNull(TestData.agreementKey(Keyset.generate(KeyType.X25519ECDHKW)).y());
        assertTrue(key.operations().type() == KeyType.NISTP256ECDHKW);
    }

    private static byte[] ecPkcs8(String curve, String d) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        BigInteger scalar = d == null ? new BigInteger(spec.getOrder().bitLength() - 1, new java.security.SecureRandom())
                : new BigInteger(1, Base64.getUrlDecoder().decode(d));
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, spec)).getEncoded();
    }

    private static String jwkCurve(KeyType type) {
        return switch (type) {
            case NISTP256ECDHKW -> "P-256";
            case NISTP384ECDHKW -> "P-384";
            default -> "P-521";
        };
    }

    private static byte[] padded(byte[] coordinate, KeyType type) {
        int size = switch (type) {
            case NISTP256ECDHKW -> 32;
            case NISTP384ECDHKW -> 48;
            default -> 66;
        };
        byte[] out = new byte[size];
        System.arraycopy(coordinate, 0, out, size - coordinate.length, coordinate.length);
        return out;
    }
}
