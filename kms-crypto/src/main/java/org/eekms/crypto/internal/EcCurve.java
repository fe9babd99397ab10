package org.eekms.crypto.internal;

import com.google.crypto.tink.signature.EcdsaParameters;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.eekms.problem.InvalidRequestException;

/** The short-Weierstrass curves of the webkms key types, with their names in JWKs and their encodings. */
enum EcCurve {
    P256(SECObjectIdentifiers.secp256r1, "P-256", 32),
    P384(SECObjectIdentifiers.secp384r1, "P-384", 48),
    P521(SECObjectIdentifiers.secp521r1, "P-521", 66),
    /** AFGo's jwkkid names it in upper case in thumbprints (webkms reference §4.3). */
    SECP256K1(SECObjectIdentifiers.secp256k1, "SECP256K1", 32);

    private final ECNamedDomainParameters domain;
    private final String jwkName;
    private final int size;

    EcCurve(ASN1ObjectIdentifier oid, String jwkName, int size) {
        // BouncyCastle's custom curve implementations (fixed-size field arithmetic) rather than the generic BigInteger
        // ones of ECNamedCurveTable: several times faster for the variable-base multiplications of ECDH and verify
        this.domain = new ECNamedDomainParameters(oid, CustomNamedCurves.getByOID(oid));
        this.jwkName = jwkName;
        this.size = size;
    }

    static EcCurve of(EcdsaParameters.CurveType curve) {
        if (curve == EcdsaParameters.CurveType.NIST_P256) {
            return P256;
        }
        if (curve == EcdsaParameters.CurveType.NIST_P384) {
            return P384;
        }
        if (curve == EcdsaParameters.CurveType.NIST_P521) {
            return P521;
        }
        throw new IllegalArgumentException("no such curve: " + curve);
    }

    ECNamedDomainParameters domain() {
        return domain;
    }

    String jwkName() {
        return jwkName;
    }

    /** Bytes of a field element or scalar (the length of X, Y and of an ECDH shared secret). */
    int size() {
        return size;
    }

    /** Whether a parsed key (PKCS#8 or X.509) names this curve. */
    boolean isCurveOf(ECKeyParameters key) {
        return key.getParameters() instanceof ECNamedDomainParameters named && named.getName().equals(domain.getName());
    }

    /**
     * The private scalar of a parsed PKCS#8 key of this curve, in 1 … n − 1; 400 naming {@code keyType} when the key is
     * of another curve or algorithm, or out of range.
     */
    BigInteger privateScalar(AsymmetricKeyParameter parsed, String keyType) {
        if (!(parsed instanceof ECPrivateKeyParameters ec) || !isCurveOf(ec)) {
            throw new InvalidRequestException("key does not match key type " + keyType);
        }
        BigInteger d = ec.getD();
        if (d.signum() <= 0 || d.compareTo(domain.getN()) >= 0) {
            throw new InvalidRequestException("key is not a valid " + keyType + " private key");
        }
        return d;
    }

    /** The point (x, y), checked to lie on the curve in its prime-order subgroup; 400 naming {@code what} if not. */
    ECPublicKeyParameters publicKey(BigInteger x, BigInteger y, String what) {
        try {
            ECPoint point = domain.getCurve().validatePoint(x, y);
            return new ECPublicKeyParameters(point, domain); // checks the point again, and its order
        } catch (RuntimeException e) {
            throw new InvalidRequestException(what + " is not a point of " + jwkName);
        }
    }

    /** Decodes 04 ‖ X ‖ Y; 400 naming {@code what} when it is not an uncompressed point of the curve. */
    ECPublicKeyParameters uncompressed(byte[] encoded, String what) {
        if (encoded == null || encoded.length != 1 + 2 * size || encoded[0] != 0x04) {
            throw new InvalidRequestException(what + " must be an uncompressed point (04 ‖ X ‖ Y, "
                    + (1 + 2 * size) + " bytes) of " + jwkName);
        }
        return publicKey(new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + size)),
                new BigInteger(1, Arrays.copyOfRange(encoded, 1 + size, encoded.length)), what);
    }

    byte[] uncompressed(ECPublicKeyParameters key) {
        ECPoint q = key.getQ().normalize();
        byte[] out = new byte[1 + 2 * size];
        out[0] = 0x04;
        System.arraycopy(fixedLength(q.getAffineXCoord().toBigInteger()), 0, out, 1, size);
        System.arraycopy(fixedLength(q.getAffineYCoord().toBigInteger()), 0, out, 1 + size, size);
        return out;
    }

    /** A field element or scalar, big-endian, left-padded to the curve's size. */
    byte[] fixedLength(BigInteger value) {
        return PublicKeys.fixedLength(value, size);
    }
}
