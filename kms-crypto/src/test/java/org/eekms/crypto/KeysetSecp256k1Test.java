package org.eekms.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;

/**
 * ECDSASecp256k1IEEEP1363 keys. The JDK has no secp256k1 any more, so the other side here is BouncyCastle's JCA
 * provider (its {@code SHA256withPLAIN-ECDSA}), passed as an instance; Wycheproof's secp256k1 vectors run in the
 * conformance profile.
 */
class KeysetSecp256k1Test {

    private static final KeyType TYPE = KeyType.ECDSA_SECP256K1_IEEE_P1363;
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final byte[] MESSAGE = "to be signed".getBytes(StandardCharsets.UTF_8);

    @Test
    void generatedKeysSignWhatBouncyCastlesJcaVerifies() throws Exception {
        Keyset keyset = Keyset.generate(TYPE);
        byte[] signature = keyset.operations().sign(MESSAGE);
        assertEquals(64, signature.length, "r ‖ s, 32 bytes each");
        Signature verifier = Signature.getInstance("SHA256withPLAIN-ECDSA", BC);
        verifier.initVerify(jcaPublicKey(keyset.publicKey().orElseThrow()));
        verifier.update(MESSAGE);
        assertTrue(verifier.verify(signature));
        keyset.operations().verify(signature, MESSAGE);
    }

    @Test
    void importedJcaKeysSignAndVerifyBothWays() throws Exception {
        KeyPair pair = jcaKeyPair();
        Keyset keyset = Keyset.importPrivateKey(TYPE, pair.getPrivate().getEncoded());
        assertArrayEquals(uncompressed(pair), keyset.publicKey().orElseThrow());

        Signature signer = Signature.getInstance("SHA256withPLAIN-ECDSA", BC);
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        keyset.operations().verify(signer.sign(), MESSAGE);

        Signature verifier = Signature.getInstance("SHA256withPLAIN-ECDSA", BC);
        verifier.initVerify(pair.getPublic());
        verifier.update(MESSAGE);
        assertTrue(verifier.verify(keyset.operations().sign(MESSAGE)));
        assertArrayEquals(keyset.operations().sign(MESSAGE), keyset.operations().sign(MESSAGE), "RFC 6979");
    }

    @Test
    void theKeyIdIsTheThumbprintAfgoComputes() throws Exception {
        Keyset keyset = Keyset.generate(TYPE);
        byte[] point = keyset.publicKey().orElseThrow();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwk = "{\"crv\":\"SECP256K1\",\"kty\":\"EC\",\"x\":\"" + b64.encodeToString(Arrays.copyOfRange(point, 1, 33))
                + "\",\"y\":\"" + b64.encodeToString(Arrays.copyOfRange(point, 33, 65)) + "\"}";
        assertEquals(b64.encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8))),
                keyset.thumbprint().orElseThrow());
    }

    @Test
    void wrongSignaturesAndOtherEncodingsDoNotVerify() throws Exception {
        Keyset keyset = Keyset.generate(TYPE);
        byte[] signature = keyset.operations().sign(MESSAGE);
        byte[] tampered = signature.clone();
        tampered[10] ^= 1;
        assertThrows(VerificationFailedException.class, () -> keyset.operations().verify(tampered, MESSAGE));
        assertThrows(VerificationFailedException.class,
                () -> keyset.operations().verify(signature, "other".getBytes(StandardCharsets.UTF_8)));
        assertThrows(VerificationFailedException.class,
                () -> Keyset.generate(TYPE).operations().verify(signature, MESSAGE), "another key");
        byte[] der = org.bouncycastle.crypto.signers.StandardDSAEncoding.INSTANCE.encode(
                org.bouncycastle.asn1.sec.SECNamedCurves.getByName("secp256k1").getN(),
                new BigInteger(1, Arrays.copyOf(signature, 32)),
                new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)));
        assertThrows(VerificationFailedException.class, () -> keyset.operations().verify(der, MESSAGE),
                "a DER signature is not IEEE P1363");
    }

    @Test
    void rotationKeepsOldSignaturesVerifying() {
        Keyset first = Keyset.generate(TYPE);
        byte[] old = first.operations().sign(MESSAGE);
        Keyset rotated = first.rotate();
        rotated.operations().verify(old, MESSAGE);
        byte[] fresh = rotated.operations().sign(MESSAGE);
        rotated.operations().verify(fresh, MESSAGE);
        assertThrows(VerificationFailedException.class, () -> first.operations().verify(fresh, MESSAGE),
                "the rotated keyset signs with its new primary");
    }

    @Test
    void verifyOnlyKeysVerifyAndRefuseToSign() {
        Keyset signer = Keyset.generate(TYPE);
        Keyset verifier = Keyset.importPublicKey(TYPE, signer.publicKey().orElseThrow());
        assertTrue(verifier.verifyOnly());
        assertEquals(signer.thumbprint(), verifier.thumbprint());
        verifier.operations().verify(signer.operations().sign(MESSAGE), MESSAGE);
        assertThrows(InvalidRequestException.class, () -> verifier.operations().sign(MESSAGE));
        assertThrows(InvalidRequestException.class, verifier::rotate);
    }

    @Test
    void keysOfOtherCurvesAndPointsOffTheCurveAreRefused() throws Exception {
        KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
        p256.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair other = p256.generateKeyPair();
        assertThrows(InvalidRequestException.class, () -> Keyset.importPrivateKey(TYPE, other.getPrivate().getEncoded()));
        byte[] point = Keyset.generate(TYPE).publicKey().orElseThrow();
        point[64] ^= 1;
        assertThrows(InvalidRequestException.class, () -> Keyset.importPublicKey(TYPE, point));
        assertThrows(InvalidRequestException.class, () -> Keyset.importPublicKey(TYPE, Arrays.copyOf(point, 33)));
        InvalidRequestException der = assertThrows(InvalidRequestException.class,
                () -> KeyType.fromWireName("ECDSASecp256k1DER"));
        assertTrue(der.getMessage().contains("ECDSASecp256k1IEEEP1363"), der.getMessage());
    }

    private static KeyPair jcaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256k1"));
        return generator.generateKeyPair();
    }

    private static byte[] uncompressed(KeyPair pair) {
        return ((org.bouncycastle.jce.interfaces.ECPublicKey) pair.getPublic()).getQ().getEncoded(false);
    }

    private static java.security.PublicKey jcaPublicKey(byte[] point) throws Exception {
        var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("secp256k1");
        return KeyFactory.getInstance("EC", BC).generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(
                spec.getCurve().decodePoint(point), spec));
    }
}
