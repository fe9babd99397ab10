package org.eekms.crypto.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.ProtoKeySerialization;
import com.google.crypto.tink.internal.LegacyProtoKey;
import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.eekms.crypto.KeyType;
import org.eekms.problem.InvalidRequestException;

/**
 * Keys of the types Tink has no key class for: secp256k1 ECDSA keys and the ECDH key-wrapping keys. They live in
 * Tink keysets all the same, under type URLs of our own, so that sealing, rotation and versions work as for every
 * other key. The stored value is the private scalar (EC: big-endian, the curve's length; X25519: the 32 raw bytes)
 * or, for a verify-only key, the public key (EC: 04 ‖ X ‖ Y; X25519: 32 bytes).
 */
final class CurveKeys {

    private static final String TYPE_URL_PREFIX = "type.eekms.org/eekms.";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One key in BouncyCastle's form; {@code privateKey} is null for a verify-only key. */
    record CurveKey(AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) {
        @Override
        public String toString() {
            return "CurveKey[" + (privateKey == null ? "public" : "private") + "]";
        }
    }

    private CurveKeys() {
    }

    /** Whether keys of the type are kept here rather than as Tink's own key classes. */
    static boolean stores(KeyType type) {
        return type == KeyType.ECDSA_SECP256K1_IEEE_P1363 || type.family() == KeyType.Family.KEY_AGREEMENT;
    }

    /** The curve of an EC type; null for X25519. */
    static EcCurve ecCurve(KeyType type) {
        return switch (type) {
            case ECDSA_SECP256K1_IEEE_P1363 -> EcCurve.SECP256K1;
            case NISTP256ECDHKW -> EcCurve.P256;
            case NISTP384ECDHKW -> EcCurve.P384;
            case NISTP521ECDHKW -> EcCurve.P521;
            case X25519ECDHKW -> null;
            default -> throw new IllegalArgumentException("not a curve key type: " + type);
        };
    }

    static Key generate(KeyType type) {
        EcCurve curve = ecCurve(type);
        if (curve == null) {
            X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(RANDOM);
            return privateKey(type, key.getEncoded());
        }
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(curve.domain(), RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return privateKey(type, curve.fixedLength(((ECPrivateKeyParameters) pair.getPrivate()).getD()));
    }

    /** A key from an imported (PKCS#8-parsed) private key; 400 when it is of another curve or algorithm. */
    static Key imported(KeyType type, AsymmetricKeyParameter parsed) {
        EcCurve curve = ecCurve(type);
        if (curve == null) {
            if (!(parsed instanceof X25519PrivateKeyParameters x25519)) {
                throw mismatch(type);
            }
            return privateKey(type, x25519.getEncoded());
        }
        return privateKey(type, curve.fixedLength(curve.privateScalar(parsed, type.wireName())));
    }

    /** A verify-only key from its export form (only secp256k1, the one signature type kept here). */
    static Key importedPublicKey(KeyType type, byte[] encoded) {
        EcCurve curve = ecCurve(type);
        if (type.family() != KeyType.Family.SIGNATURE || curve == null) {
            throw new InvalidRequestException("unsupported_key_type",
                    "public keys cannot be imported for " + type.wireName() + ", which is not a signature type");
        }
        return serialized(type, false, curve.uncompressed(curve.uncompressed(encoded, "public_key")));
    }

    /** The key in BouncyCastle's form, its public key derived from the private one. */
    static CurveKey read(KeyType type, Key key) {
        ProtoKeySerialization serialization = serialization(key);
        byte[] value = serialization.getValue().toByteArray();
        boolean isPrivate = serialization.getKeyMaterialType() == ProtoKeySerialization.KeyMaterialType.ASYMMETRIC_PRIVATE;
        try {
            EcCurve curve = ecCurve(type);
            if (curve == null) {
                if (!isPrivate) {
                    return new CurveKey(null, new X25519PublicKeyParameters(value, 0));
                }
                X25519PrivateKeyParameters privateKey = new X25519PrivateKeyParameters(value, 0);
                return new CurveKey(privateKey, privateKey.generatePublicKey());
            }
            if (!isPrivate) {
                return new CurveKey(null, curve.uncompressed(value, "stored key"));
            }
            ECPrivateKeyParameters privateKey = new ECPrivateKeyParameters(new BigInteger(1, value), curve.domain());
            ECPublicKeyParameters publicKey = new ECPublicKeyParameters(
                    new FixedPointCombMultiplier().multiply(curve.domain().getG(), privateKey.getD()).normalize(),
                    curve.domain());
            return new CurveKey(privateKey, publicKey);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /** Whether a stored key of ours is a public (verify-only) key. */
    static boolean isPublic(Key key) {
        return key instanceof LegacyProtoKey
                && serialization(key).getKeyMaterialType() == ProtoKeySerialization.KeyMaterialType.ASYMMETRIC_PUBLIC;
    }

    private static Key privateKey(KeyType type, byte[] value) {
        try {
            return serialized(type, true, value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    private static Key serialized(KeyType type, boolean isPrivate, byte[] value) {
        try {
            return new LegacyProtoKey(ProtoKeySerialization.create(typeUrl(type, isPrivate),
                    ByteString.copyFrom(value),
                    isPrivate ? ProtoKeySerialization.KeyMaterialType.ASYMMETRIC_PRIVATE
                            : ProtoKeySerialization.KeyMaterialType.ASYMMETRIC_PUBLIC,
                    ProtoKeySerialization.OutputPrefixType.RAW, null), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typeUrl(KeyType type, boolean isPrivate) {
        EcCurve curve = ecCurve(type);
        String name = curve == null ? "X25519" : curve.name();
        return TYPE_URL_PREFIX + name + (isPrivate ? "PrivateKey" : "PublicKey");
    }

    private static ProtoKeySerialization serialization(Key key) {
        try {
            return ((LegacyProtoKey) key).getSerialization(InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidRequestException mismatch(KeyType type) {
        return new InvalidRequestException("key does not match key type " + type.wireName());
    }
}
