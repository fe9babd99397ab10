package org.eekms.crypto.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.ProtoKeySerialization;
import com.google.crypto.tink.internal.LegacyProtoKey;
import com.google.protobuf.ByteString;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.eekms.crypto.internal.bbs.BbsPrivateKey;
import org.eekms.crypto.internal.bbs.BbsPublicKey;
import org.eekms.problem.InvalidRequestException;

/**
 * BBS+ (BLS12381G2) keys in Tink keysets, under type URLs of our own as {@link CurveKeys} keeps its keys, so that
 * sealing, rotation and versions work as for every other key. The stored value is the private scalar (32 bytes,
 * big-endian, AFGo's encoding) or, for a verify-only key, the 96-byte compressed public key.
 */
final class BbsKeys {

    private static final String PRIVATE_TYPE_URL = "type.eekms.org/eekms.Bls12381G2PrivateKey";
    private static final String PUBLIC_TYPE_URL = "type.eekms.org/eekms.Bls12381G2PublicKey";

    /** One version: the private key, or null for a verify-only key, and the public key. */
    record BbsKey(BbsPrivateKey privateKey, BbsPublicKey publicKey) {
        @Override
        public String toString() {
            return "BbsKey[" + (privateKey == null ? "public" : "private") + "]";
        }
    }

    private BbsKeys() {
    }

    static Key generate() {
        byte[] scalar = BbsPrivateKey.generate().encoded();
        try {
            return serialized(PRIVATE_TYPE_URL, scalar, ProtoKeySerialization.KeyMaterialType.ASYMMETRIC_PRIVATE);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** A verify-only key of a 96-byte compressed G2 point; 400 when it is not one. */
    static Key importedPublicKey(byte[] encoded) {
        BbsPublicKey key;
        try {
            key = BbsPublicKey.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("public_key is not a BLS12381G2 public key (96-byte compressed G2 point)");
        }
        return serialized(PUBLIC_TYPE_URL, key.encoded(), ProtoKeySerialization.KeyMaterialType.ASYMMETRIC_PUBLIC);
    }

    static BbsKey read(Key key) {
        ProtoKeySerialization serialization = serialization(key);
        byte[] value = serialization.getValue().toByteArray();
        try {
            if (serialization.getKeyMaterialType() == ProtoKeySerialization.KeyMaterialType.ASYMMETRIC_PRIVATE) {
                BbsPrivateKey privateKey = BbsPrivateKey.decode(value);
                return new BbsKey(privateKey, privateKey.publicKey());
            }
            return new BbsKey(null, BbsPublicKey.decode(value));
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    static boolean isPublic(Key key) {
        return key instanceof LegacyProtoKey
                && serialization(key).getKeyMaterialType() == ProtoKeySerialization.KeyMaterialType.ASYMMETRIC_PUBLIC;
    }

    private static Key serialized(String typeUrl, byte[] value, ProtoKeySerialization.KeyMaterialType material) {
        try {
            return new LegacyProtoKey(ProtoKeySerialization.create(typeUrl, ByteString.copyFrom(value), material,
                    ProtoKeySerialization.OutputPrefixType.RAW, null), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProtoKeySerialization serialization(Key key) {
        try {
            return ((LegacyProtoKey) key).getSerialization(InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
