package org.eekms.crypto.internal;

import com.google.crypto.tink.Key;
import com.google.crypto.tink.signature.EcdsaPublicKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.SignaturePrivateKey;
import com.google.crypto.tink.signature.SignaturePublicKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.eekms.crypto.KeyType;

/** Public keys in TrustBloc's export formats (webkms reference §4.1) and their RFC 7638 thumbprints (§4.3). */
public final class PublicKeys {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private PublicKeys() {
    }

    /**
     * Of a private or public key. ED25519: the raw 32 bytes; ECDSA DER types: SubjectPublicKeyInfo DER; IEEE P1363
     * types: 04 ‖ X ‖ Y; BLS12381G2: the 96-byte compressed G2 point.
     */
    public static byte[] export(KeyType type, Key key) {
        if (type == KeyType.BLS12381G2) {
            return BbsKeys.read(key).publicKey().encoded();
        }
        if (CurveKeys.stores(type)) {
            return exportCurveKey(type, CurveKeys.read(type, key).publicKey());
        }
        Key publicKey = publicPart(key);
        if (publicKey instanceof Ed25519PublicKey ed25519) {
            return ed25519.getPublicKeyBytes().toByteArray();
        }
        EcdsaPublicKey ecdsa = (EcdsaPublicKey) publicKey;
        if (type.wireName().endsWith("DER")) {
            return subjectPublicKeyInfo(ecdsa);
        }
        return uncompressedPoint(ecdsa);
    }

    /** base64url(SHA-256) of the canonical JWK of the public key, as AFGo's jwkkid computes it. */
    public static String thumbprint(KeyType type, Key key) {
        if (type == KeyType.BLS12381G2) {
            // AFGo's jwkkid: an OKP "JWK" of the compressed key, though no JWK registry names this curve
            return sha256(okpJwk("Bls12381g2", BbsKeys.read(key).publicKey().encoded()));
        }
        if (CurveKeys.stores(type)) {
            return thumbprint(type, CurveKeys.read(type, key).publicKey());
        }
        Key publicKey = publicPart(key);
        if (publicKey instanceof Ed25519PublicKey ed25519) {
            return ed25519Thumbprint(ed25519.getPublicKeyBytes().toByteArray());
        }
        EcdsaPublicKey ecdsa = (EcdsaPublicKey) publicKey;
        ECPoint point = ecdsa.getPublicPoint();
        return sha256(ecJwk(EcCurve.of(ecdsa.getParameters().getCurveType()), point.getAffineX(), point.getAffineY()));
    }

    /** The thumbprint of an Ed25519 public key (what TrustBloc's clients put in crypto-box unwrap URLs). */
    public static String ed25519Thumbprint(byte[] publicKey) {
        return sha256(okpJwk("Ed25519", publicKey));
    }

    private static String thumbprint(KeyType type, AsymmetricKeyParameter publicKey) {
        if (publicKey instanceof X25519PublicKeyParameters x25519) {
            return sha256(okpJwk("X25519", x25519.getEncoded()));
        }
        org.bouncycastle.math.ec.ECPoint q = ((ECPublicKeyParameters) publicKey).getQ().normalize();
        return sha256(ecJwk(CurveKeys.ecCurve(type), q.getAffineXCoord().toBigInteger(),
                q.getAffineYCoord().toBigInteger()));
    }

    /** RFC 7638's members of an EC JWK, coordinates at the curve's full length. */
    private static String ecJwk(EcCurve curve, BigInteger x, BigInteger y) {
        return "{\"crv\":\"" + curve.jwkName() + "\",\"kty\":\"EC\",\"x\":\""
                + BASE64URL.encodeToString(curve.fixedLength(x)) + "\",\"y\":\""
                + BASE64URL.encodeToString(curve.fixedLength(y)) + "\"}";
    }

    private static String okpJwk(String curve, byte[] x) {
        return "{\"crv\":\"" + curve + "\",\"kty\":\"OKP\",\"x\":\"" + BASE64URL.encodeToString(x) + "\"}";
    }

    /**
     * secp256k1: the uncompressed point. ECDH key-wrapping keys: the JSON of AFGo's {@code crypto.PublicKey} (kid,
     * x, y, curve, type; byte fields in standard base64, empty ones left out), as TrustBloc's export returns them.
     */
    private static byte[] exportCurveKey(KeyType type, AsymmetricKeyParameter publicKey) {
        if (type.family() == KeyType.Family.SIGNATURE) {
            return CurveKeys.ecCurve(type).uncompressed((ECPublicKeyParameters) publicKey);
        }
        return WrappingKeys.json(WrappingKeys.of(type, publicKey, thumbprint(type, publicKey)))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String jwk) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key of a private key, or the key itself when it is public (a verify-only keyset's). */
    private static Key publicPart(Key key) {
        return key instanceof SignaturePrivateKey privateKey ? privateKey.getPublicKey() : (SignaturePublicKey) key;
    }

    private static byte[] subjectPublicKeyInfo(EcdsaPublicKey key) {
        try {
            ECPublicKeySpec spec = new ECPublicKeySpec(key.getPublicPoint(),
                    key.getParameters().getCurveType().toParameterSpec());
            return KeyFactory.getInstance("EC").generatePublic(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] uncompressedPoint(EcdsaPublicKey key) {
        EcCurve curve = EcCurve.of(key.getParameters().getCurveType());
        int size = curve.size();
        byte[] out = new byte[1 + 2 * size];
        out[0] = 0x04;
        System.arraycopy(curve.fixedLength(key.getPublicPoint().getAffineX()), 0, out, 1, size);
        System.arraycopy(curve.fixedLength(key.getPublicPoint().getAffineY()), 0, out, 1 + size, size);
        return out;
    }

    static byte[] fixedLength(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == length) {
            return bytes;
        }
        byte[] out = new byte[length];
        if (bytes.length > length) {
            System.arraycopy(bytes, bytes.length - length, out, 0, length);
        } else {
            System.arraycopy(bytes, 0, out, length - bytes.length, bytes.length);
        }
        return out;
    }
}
