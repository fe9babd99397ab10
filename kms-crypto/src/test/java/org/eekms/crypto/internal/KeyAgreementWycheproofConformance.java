package org.eekms.crypto.internal;

import static org.eekms.crypto.internal.Wycheproof.groups;
import static org.eekms.crypto.internal.Wycheproof.hex;
import static org.eekms.crypto.internal.Wycheproof.tests;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.eekms.crypto.AgreementPublicKey;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.crypto.WrappedKey;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof ECDH vectors (P-256 and X25519) through the path a wrapped key takes in the service: the vector's
 * private key imported as PKCS#8 into a key-agreement keyset, its public key sent as the ephemeral key of an
 * ECDH-ES+A256KW wrapped key whose KEK the test derives from the vector's shared secret (Concat KDF written out
 * here, key wrap by the JDK's SunJCE). Valid vectors must unwrap to the content key, invalid ones be refused (400).
 * The ECDH file gives public keys as X.509 DER; vectors whose DER itself is malformed cannot be put on the wire
 * (a wrapped key carries coordinates) and are counted as skipped.
 */
class KeyAgreementWycheproofConformance {

    private static final byte[] CEK = new byte[32];
    private static final byte[] APU = "apu".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] APV = "apv".getBytes(StandardCharsets.US_ASCII);

    static {
        Arrays.fill(CEK, (byte) 0x5a);
    }

    @Test
    void ecdhP256() throws Exception {
        String file = "ecdh_secp256r1_test.json";
        Wycheproof.Tally tally = new Wycheproof.Tally(file, InvalidRequestException.class,
                VerificationFailedException.class);
        X9ECParameters p256 = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);
        for (JsonObject group : groups(Wycheproof.load(file))) {
            assertEquals("secp256r1", group.getString("curve"), file);
            assertEquals("asn", group.getString("encoding"), file);
            for (JsonObject test : tests(group)) {
                AgreementPublicKey epk = wireForm(hex(test, "public"), p256);
                if (epk == null) {
                    tally.skip(1);
                    continue;
                }
                byte[] pkcs8 = KeyFactory.getInstance("EC", "SunEC").generatePrivate(new ECPrivateKeySpec(
                        new BigInteger(1, hex(test, "private")), TestDataCurves.P256)).getEncoded();
                byte[] shared = hex(test, "shared");
                tally.check(test, () -> {
                    KeyOperations recipient = Keyset.importPrivateKey(KeyType.NISTP256ECDHKW, pkcs8).operations();
                    assertArrayEquals(CEK, recipient.unwrapKey(wrappedWith(shared, epk), null, null));
                });
            }
        }
        tally.finish();
    }

    @Test
    void x25519() throws Exception {
        String file = "x25519_test.json";
        Wycheproof.Tally tally = new Wycheproof.Tally(file, InvalidRequestException.class,
                VerificationFailedException.class);
        for (JsonObject group : groups(Wycheproof.load(file))) {
            assertEquals("curve25519", group.getString("curve"), file);
            for (JsonObject test : tests(group)) {
                byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(
                        new X25519PrivateKeyParameters(hex(test, "private"))).getEncoded();
                AgreementPublicKey epk = new AgreementPublicKey(null, hex(test, "public"), null, "X25519", "OKP");
                byte[] shared = hex(test, "shared");
                tally.check(test, () -> {
                    KeyOperations recipient = Keyset.importPrivateKey(KeyType.X25519ECDHKW, pkcs8).operations();
                    assertArrayEquals(CEK, recipient.unwrapKey(wrappedWith(shared, epk), null, null));
                });
            }
        }
        tally.finish();
    }

    /** A wrapped key as a sender holding the vector's shared secret would make it. */
    private static WrappedKey wrappedWith(byte[] shared, AgreementPublicKey epk) throws Exception {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {"ECDH-ES+A256KW".getBytes(StandardCharsets.US_ASCII), APU, APV}) {
            info.write(ByteBuffer.allocate(4).putInt(part.length).array());
            info.write(part);
        }
        info.write(ByteBuffer.allocate(4).putInt(256).array());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256", "SUN");
        sha256.update(new byte[] {0, 0, 0, 1});
        sha256.update(shared);
        sha256.update(info.toByteArray());
        Cipher aesWrap = Cipher.getInstance("AESWrap", "SunJCE");
        aesWrap.init(Cipher.WRAP_MODE, new SecretKeySpec(sha256.digest(), "AES"));
        byte[] wrapped = aesWrap.wrap(new SecretKeySpec(CEK, "AES"));
        return new WrappedKey("recipient", wrapped, epk, "ECDH-ES+A256KW", APU, APV);
    }

    /**
     * The coordinates and curve name a client would send for an X.509 public key, or null when the DER is not
     * strict DER (the wire has no DER to get wrong). Points off the curve keep their coordinates, so that the
     * service is the one to refuse them; keys on other curves keep their curve's name.
     */
    private static AgreementPublicKey wireForm(byte[] der, X9ECParameters p256) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!Arrays.equals(der, info.getEncoded("DER"))) {
                return null;
            }
        } catch (Exception e) {
            return null;
        }
        X962Parameters parameters;
        try {
            parameters = X962Parameters.getInstance(info.getAlgorithm().getParameters());
        } catch (RuntimeException e) {
            return null;
        }
        if (parameters == null) {
            return null;
        }
        X9ECParameters curve;
        String name;
        if (parameters.isNamedCurve()) {
            ASN1ObjectIdentifier oid = (ASN1ObjectIdentifier) parameters.getParameters();
            curve = ECNamedCurveTable.getByOID(oid);
            name = oid.equals(SECObjectIdentifiers.secp256r1) ? "P-256" : String.valueOf(ECNamedCurveTable.getName(oid));
        } else if (parameters.isImplicitlyCA()) {
            return null;
        } else {
            boolean sameAsP256;
            try {
                curve = X9ECParameters.getInstance(parameters.getParameters());
                sameAsP256 = curve.getCurve().equals(p256.getCurve()) && curve.getG().equals(p256.getG())
                        && curve.getN().equals(p256.getN()) && java.util.Objects.equals(curve.getH(), p256.getH());
            } catch (RuntimeException e) {
                // parameters that do not even form a curve (a generator off it, …): a client names no curve we know
                curve = null;
                sameAsP256 = false;
            }
            name = sameAsP256 ? "P-256" : "explicit-curve";
        }
        byte[] point = info.getPublicKeyData().getBytes();
        if (point.length == 0) {
            return null;
        }
        if (point[0] == 0x04 && point.length % 2 == 1) {
            int size = (point.length - 1) / 2;
            return new AgreementPublicKey(null, Arrays.copyOfRange(point, 1, 1 + size),
                    Arrays.copyOfRange(point, 1 + size, point.length), name, "EC");
        }
        try {
            // a compressed point: the client would send its coordinates
            ECPoint decoded = (curve == null ? p256 : curve).getCurve().decodePoint(point).normalize();
            return new AgreementPublicKey(null, decoded.getAffineXCoord().getEncoded(),
                    decoded.getAffineYCoord().getEncoded(), name, "EC");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The JDK's P-256 parameters, for building PKCS#8 keys with SunEC. */
    private static final class TestDataCurves {
        static final java.security.spec.ECParameterSpec P256 = p256();

        private static java.security.spec.ECParameterSpec p256() {
            try {
                java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
                parameters.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
                return parameters.getParameterSpec(java.security.spec.ECParameterSpec.class);
            } catch (Exception e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
