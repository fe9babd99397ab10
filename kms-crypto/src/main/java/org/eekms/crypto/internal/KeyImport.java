package org.eekms.crypto.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.ChaCha20Poly1305Key;
import com.google.crypto.tink.aead.ChaCha20Poly1305Parameters;
import com.google.crypto.tink.aead.XChaCha20Poly1305Key;
import com.google.crypto.tink.aead.XChaCha20Poly1305Parameters;
import com.google.crypto.tink.mac.HmacKey;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.signature.EcdsaParameters;
import com.google.crypto.tink.signature.EcdsaPrivateKey;
import com.google.crypto.tink.signature.EcdsaPublicKey;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBigInteger;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.eekms.crypto.KeyType;
import org.eekms.problem.InvalidRequestException;

/**
 * Imports keys into Tink keysets of the requested type: PKCS#8 DER private keys (what AFGo's client sends), raw
 * symmetric keys for the AEAD and MAC types, and verify-only public keys in the type's export format (webkms
 * reference §4.1). Error messages never echo key bytes.
 */
public final class KeyImport {

    private KeyImport() {
    }

    public static KeysetHandle privateKey(KeyType type, byte[] pkcs8) {
        if (!type.acceptsPrivateKeyImport()) {
            throw new InvalidRequestException("unsupported_key_type",
                    "private keys of type " + type.wireName() + " cannot be imported");
        }
        AsymmetricKeyParameter parsed = parse(pkcs8);
        try {
            com.google.crypto.tink.Key key = type == KeyType.ED25519 ? ed25519(parsed)
                    : CurveKeys.stores(type) ? CurveKeys.imported(type, parsed)
                    : ecdsa(type, parsed);
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new InvalidRequestException("key is not a valid " + type.wireName() + " private key");
        }
    }

    /** The raw key lengths of the AEAD types; HMAC keys have {@value #HMAC_MIN_KEY} to {@value #HMAC_MAX_KEY} bytes. */
    private static final Map<KeyType, Integer> AEAD_KEY_LENGTHS = Map.of(
            KeyType.AES128GCM, 16,
            KeyType.AES256GCM, 32,
            KeyType.AES256GCM_NO_PREFIX, 32,
            KeyType.CHACHA20POLY1305, 32,
            KeyType.XCHACHA20POLY1305, 32);

    /** At least the 256-bit security the tag offers; at most one SHA-256 block, beyond which HMAC hashes the key. */
    static final int HMAC_MIN_KEY = 32;
    static final int HMAC_MAX_KEY = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A keyset of one raw symmetric key with the parameters of generated keys of the type (Tink output prefix where
     * the type has one, under a random key id). The caller's array is left as it is; the copies made here are
     * cleared.
     */
    public static KeysetHandle symmetricKey(KeyType type, byte[] raw) {
        if (type == KeyType.BLS12381G2) {
            throw new InvalidRequestException("unsupported_key_type", "private keys of type BLS12381G2 cannot be"
                    + " imported (nor on TrustBloc's server); an issuer's public key can, as public_key");
        }
        if (type.isAsymmetric()) {
            throw new InvalidRequestException("unsupported_key_type", "raw key bytes cannot be imported for "
                    + type.wireName() + "; send a PKCS#8 private key as key or a public key as public_key");
        }
        if (raw == null || raw.length == 0) {
            throw new InvalidRequestException("key is required");
        }
        if (type.family() == KeyType.Family.MAC) {
            if (raw.length < HMAC_MIN_KEY || raw.length > HMAC_MAX_KEY) {
                throw new InvalidRequestException("key must be " + HMAC_MIN_KEY + " to " + HMAC_MAX_KEY
                        + " bytes for " + type.wireName() + ", not " + raw.length);
            }
        } else if (raw.length != AEAD_KEY_LENGTHS.get(type)) {
            throw new InvalidRequestException("key must be " + AEAD_KEY_LENGTHS.get(type) + " bytes for "
                    + type.wireName() + ", not " + raw.length);
        }
        com.google.crypto.tink.util.SecretBytes bytes =
                com.google.crypto.tink.util.SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get());
        try {
            Parameters parameters = TinkKeysets.parameters(type);
            Integer id = parameters.hasIdRequirement() ? randomId() : null;
            com.google.crypto.tink.Key key = switch (type) {
                case AES128GCM, AES256GCM, AES256GCM_NO_PREFIX -> AesGcmKey.builder()
                        .setParameters((AesGcmParameters) parameters)
                        .setKeyBytes(bytes)
                        .setIdRequirement(id)
                        .build();
                case CHACHA20POLY1305 -> ChaCha20Poly1305Key.create(
                        ((ChaCha20Poly1305Parameters) parameters).getVariant(), bytes, id);
                case XCHACHA20POLY1305 -> XChaCha20Poly1305Key.create(
                        ((XChaCha20Poly1305Parameters) parameters).getVariant(), bytes, id);
                case HMACSHA256_TAG256 -> HmacKey.builder()
                        .setParameters(hmac((HmacParameters) parameters, raw.length))
                        .setKeyBytes(bytes)
                        .setIdRequirement(id)
                        .build();
                default -> throw new IllegalStateException("not a symmetric type: " + type);
            };
            KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(key);
            return KeysetHandle.newBuilder()
                    .addEntry((id == null ? entry.withRandomId() : entry.withFixedId(id)).makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new InvalidRequestException("key is not a valid " + type.wireName() + " key");
        }
    }

    /** HMAC parameters as the type's, but for a key of the given length (a Tink HMAC key has exactly its size). */
    private static HmacParameters hmac(HmacParameters template, int keySize) throws GeneralSecurityException {
        return HmacParameters.builder()
                .setKeySizeBytes(keySize)
                .setTagSizeBytes(template.getCryptographicTagSizeBytes())
                .setHashType(template.getHashType())
                .setVariant(template.getVariant())
                .build();
    }

    /** A non-zero key id, as Tink chooses them, for keys whose output prefix carries it. */
    private static int randomId() {
        int id = 0;
        while (id == 0) {
            id = RANDOM.nextInt();
        }
        return id;
    }

    /**
     * A verify-only keyset of one public key in the type's export format: 32 raw bytes for ED25519, X.509
     * SubjectPublicKeyInfo DER for the ECDSA DER types, the uncompressed point 04 ‖ X ‖ Y for the IEEE P1363 types.
     * The point must lie on the type's curve.
     */
    public static KeysetHandle publicKey(KeyType type, byte[] encoded) {
        if (type == KeyType.BLS12381G2) {
            return bbsPublicKey(encoded);
        }
        if (type.family() != KeyType.Family.SIGNATURE) {
            throw new InvalidRequestException("unsupported_key_type",
                    "public keys cannot be imported for " + type.wireName() + ", which is not a signature type");
        }
        if (encoded == null || encoded.length == 0) {
            throw new InvalidRequestException("public_key is required");
        }
        try {
            com.google.crypto.tink.Key key = type == KeyType.ED25519
                    ? Ed25519PublicKey.create(Bytes.copyFrom(ed25519PublicKey(encoded)))
                    : CurveKeys.stores(type) ? CurveKeys.importedPublicKey(type, encoded)
                    : EcdsaPublicKey.builder()
                            .setParameters(TinkKeysets.ecdsa(type))
                            .setPublicPoint(ecPoint(type, encoded))
                            .build();
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new InvalidRequestException("public_key is not a valid " + type.wireName() + " public key");
        }
    }

    /** A verify-only BBS+ key: the issuer's public key, for verifymulti and verifyproof. */
    private static KeysetHandle bbsPublicKey(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new InvalidRequestException("public_key is required");
        }
        try {
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(BbsKeys.importedPublicKey(encoded)).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ed25519PublicKey(byte[] encoded) {
        if (encoded.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new InvalidRequestException("public_key must be " + Ed25519PublicKeyParameters.KEY_SIZE
                    + " bytes for " + KeyType.ED25519.wireName() + ", not " + encoded.length);
        }
        try {
            // BouncyCastle checks that the bytes decode to a point of the curve
            return new Ed25519PublicKeyParameters(encoded, 0).getEncoded();
        } catch (RuntimeException e) {
            throw new InvalidRequestException("public_key is not a point of Ed25519");
        }
    }

    private static java.security.spec.ECPoint ecPoint(KeyType type, byte[] encoded) {
        EcdsaParameters parameters = TinkKeysets.ecdsa(type);
        EcCurve curve = EcCurve.of(parameters.getCurveType());
        ECPublicKeyParameters key;
        if (type.wireName().endsWith("DER")) {
            AsymmetricKeyParameter parsed;
            try {
                parsed = PublicKeyFactory.createKey(encoded);
            } catch (IOException | RuntimeException e) {
                throw new InvalidRequestException("public_key is not an X.509 SubjectPublicKeyInfo of an EC key");
            }
            if (!(parsed instanceof ECPublicKeyParameters ec) || !curve.isCurveOf(ec)) {
                throw new InvalidRequestException("public_key does not match key type " + type.wireName());
            }
            key = ec;
        } else {
            key = curve.uncompressed(encoded, "public_key");
        }
        ECPoint q = key.getQ().normalize();
        return new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    }

    private static AsymmetricKeyParameter parse(byte[] pkcs8) {
        if (pkcs8 == null || pkcs8.length == 0) {
            throw new InvalidRequestException("key is required");
        }
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pkcs8);
            if (key == null || !key.isPrivate()) {
                throw new InvalidRequestException("key is not a PKCS#8 private key");
            }
            return key;
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("key is not a PKCS#8 private key");
        }
    }

    private static com.google.crypto.tink.Key ed25519(AsymmetricKeyParameter parsed)
            throws GeneralSecurityException {
        if (!(parsed instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw mismatch(KeyType.ED25519);
        }
        byte[] seed = ed25519.getEncoded();
        try {
            Ed25519PublicKey publicKey = Ed25519PublicKey.create(Bytes.copyFrom(ed25519.generatePublicKey().getEncoded()));
            return Ed25519PrivateKey.create(publicKey,
                    com.google.crypto.tink.util.SecretBytes.copyFrom(seed, InsecureSecretKeyAccess.get()));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static com.google.crypto.tink.Key ecdsa(KeyType type, AsymmetricKeyParameter parsed)
            throws GeneralSecurityException {
        EcdsaParameters parameters = TinkKeysets.ecdsa(type);
        EcCurve curve = EcCurve.of(parameters.getCurveType());
        BigInteger d = curve.privateScalar(parsed, type.wireName());
        ECPoint q = new FixedPointCombMultiplier().multiply(curve.domain().getG(), d).normalize();
        EcdsaPublicKey publicKey = EcdsaPublicKey.builder()
                .setParameters(parameters)
                .setPublicPoint(new java.security.spec.ECPoint(
                        q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()))
                .build();
        return EcdsaPrivateKey.builder()
                .setPublicKey(publicKey)
                .setPrivateValue(SecretBigInteger.fromBigInteger(d, InsecureSecretKeyAccess.get()))
                .build();
    }

    private static InvalidRequestException mismatch(KeyType type) {
        return new InvalidRequestException("key does not match key type " + type.wireName());
    }
}
