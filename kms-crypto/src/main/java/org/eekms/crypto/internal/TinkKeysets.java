package org.eekms.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.signature.EcdsaParameters;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.security.GeneralSecurityException;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.VerificationFailedException;

/** Tink keysets of the webkms key types: their parameters, generation, rotation and envelope sealing. */
public final class TinkKeysets {

    static {
        try {
            // Key generation looks parameters up in Tink's registry; registering is idempotent.
            AeadConfig.register();
            MacConfig.register();
            SignatureConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Each sealed keyset gets its own data key of these parameters. */
    private static final AesGcmParameters DATA_KEY = aesGcm(32, AesGcmParameters.Variant.NO_PREFIX);

    private TinkKeysets() {
    }

    /**
     * The parameters TrustBloc's AFGo localkms uses for each type (its key templates): TINK output prefix for AEAD
     * and MAC keys, none for signature keys. P-384 signs with SHA-384 (JOSE ES384) in both encodings.
     */
    static Parameters parameters(KeyType type) {
        return switch (type) {
            case AES128GCM -> PredefinedAeadParameters.AES128_GCM;
            case AES256GCM -> PredefinedAeadParameters.AES256_GCM;
            case AES256GCM_NO_PREFIX -> aesGcm(32, AesGcmParameters.Variant.NO_PREFIX);
            case CHACHA20POLY1305 -> PredefinedAeadParameters.CHACHA20_POLY1305;
            case XCHACHA20POLY1305 -> PredefinedAeadParameters.XCHACHA20_POLY1305;
            case HMACSHA256_TAG256 -> PredefinedMacParameters.HMAC_SHA256_256BITTAG;
            case ED25519 -> ed25519();
            case ECDSAP256_DER -> ecdsa(type);
            case ECDSAP384_DER -> ecdsa(type);
            case ECDSAP521_DER -> ecdsa(type);
            case ECDSAP256_IEEE_P1363 -> ecdsa(type);
            case ECDSAP384_IEEE_P1363 -> ecdsa(type);
            case ECDSAP521_IEEE_P1363 -> ecdsa(type);
            case ECDSA_SECP256K1_IEEE_P1363, NISTP256ECDHKW, NISTP384ECDHKW, NISTP521ECDHKW, X25519ECDHKW ->
                    throw new IllegalArgumentException(type + " has no Tink parameters: see CurveKeys");
            case BLS12381G2 -> throw new IllegalArgumentException(type + " has no Tink parameters: see BbsKeys");
        };
    }

    static EcdsaParameters ecdsa(KeyType type) {
        EcdsaParameters.CurveType curve;
        EcdsaParameters.HashType hash;
        switch (type) {
            case ECDSAP256_DER, ECDSAP256_IEEE_P1363 -> {
                curve = EcdsaParameters.CurveType.NIST_P256;
                hash = EcdsaParameters.HashType.SHA256;
            }
            case ECDSAP384_DER, ECDSAP384_IEEE_P1363 -> {
                curve = EcdsaParameters.CurveType.NIST_P384;
                hash = EcdsaParameters.HashType.SHA384;
            }
            case ECDSAP521_DER, ECDSAP521_IEEE_P1363 -> {
                curve = EcdsaParameters.CurveType.NIST_P521;
                hash = EcdsaParameters.HashType.SHA512;
            }
            default -> throw new IllegalArgumentException("not an ECDSA type: " + type);
        }
        boolean der = type.wireName().endsWith("DER");
        try {
            return EcdsaParameters.builder()
                    .setCurveType(curve)
                    .setHashType(hash)
                    .setSignatureEncoding(der
                            ? EcdsaParameters.SignatureEncoding.DER
                            : EcdsaParameters.SignatureEncoding.IEEE_P1363)
                    .setVariant(EcdsaParameters.Variant.NO_PREFIX)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Ed25519Parameters ed25519() {
        return Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX);
    }

    private static AesGcmParameters aesGcm(int keySize, AesGcmParameters.Variant variant) {
        try {
            return AesGcmParameters.builder()
                    .setKeySizeBytes(keySize)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(variant)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeysetHandle generate(KeyType type) {
        try {
            return KeysetHandle.newBuilder()
                    .addEntry(newEntry(type).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed for " + type.wireName(), e);
        }
    }

    private static KeysetHandle.Builder.Entry newEntry(KeyType type) throws GeneralSecurityException {
        if (type == KeyType.BLS12381G2) {
            return KeysetHandle.importKey(BbsKeys.generate());
        }
        return CurveKeys.stores(type)
                ? KeysetHandle.importKey(CurveKeys.generate(type))
                : KeysetHandle.generateEntryFromParameters(parameters(type));
    }

    public static KeysetHandle rotate(KeysetHandle handle, KeyType type) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
            builder.addEntry(newEntry(type).withRandomId().makePrimary());
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key rotation failed for " + type.wireName(), e);
        }
    }

    public static byte[] seal(KeysetHandle handle, SecretAead keyEncryption, byte[] associatedData) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, envelope(keyEncryption), associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a keyset failed", e);
        }
    }

    /** Throws {@link VerificationFailedException} when the blob was not sealed under this key and data. */
    public static KeysetHandle unseal(byte[] sealed, SecretAead keyEncryption, byte[] associatedData) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(sealed, envelope(keyEncryption), associatedData);
        } catch (GeneralSecurityException e) {
            throw VerificationFailedException.decryption();
        }
    }

    private static Aead envelope(SecretAead keyEncryption) throws GeneralSecurityException {
        return KmsEnvelopeAead.create(DATA_KEY, new TinkAead(keyEncryption));
    }

    public static SecretAead aes256Gcm(SecretBytes key) {
        if (key.length() != SecretAeads.AES256_KEY_LENGTH) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes");
        }
        byte[] bytes = key.toByteArray();
        try {
            return new JceSecretAead(new AesGcmJce(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    /** AES-256-GCM keyed with freshly derived key bytes (PBKDF2, HKDF), which it clears. */
    static SecretAead aes256GcmFromDerived(byte[] raw) {
        SecretBytes key = SecretBytes.copyOf(raw);
        java.util.Arrays.fill(raw, (byte) 0);
        try {
            return aes256Gcm(key);
        } finally {
            key.destroy();
        }
    }

    /** Our AEAD seen as Tink's, so that Tink's envelope encryption can wrap its data keys with it. */
    private record TinkAead(SecretAead delegate) implements Aead {
        @Override
        public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
            return delegate.encrypt(plaintext, associatedData);
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
            try {
                return delegate.decrypt(ciphertext, associatedData);
            } catch (VerificationFailedException e) {
                throw new GeneralSecurityException("decryption failed");
            }
        }
    }

    /** Tink's AEAD seen as ours. */
    private record JceSecretAead(Aead aead) implements SecretAead {
        @Override
        public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
            try {
                return aead.encrypt(plaintext, associatedData);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encryption failed", e);
            }
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
            try {
                return aead.decrypt(ciphertext, associatedData);
            } catch (GeneralSecurityException e) {
                throw VerificationFailedException.decryption();
            }
        }

        @Override
        public String toString() {
            return "SecretAead[AES-256-GCM]";
        }
    }
}
