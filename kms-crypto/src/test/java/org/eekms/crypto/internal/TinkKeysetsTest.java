package org.eekms.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.ChaCha20Poly1305Parameters;
import com.google.crypto.tink.aead.XChaCha20Poly1305Parameters;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.signature.EcdsaParameters;
import com.google.crypto.tink.signature.Ed25519Parameters;
import java.security.GeneralSecurityException;
import org.eekms.crypto.KeyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Generated keys have the parameters of AFGo's key templates (webkms reference §4.1), written out here. */
class TinkKeysetsTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generatedKeysHaveTheTemplateParameters(KeyType type) throws GeneralSecurityException {
        KeysetHandle handle = TinkKeysets.generate(type);
        assertEquals(1, handle.size());
        assertTrue(handle.getAt(0).isPrimary());
        assertTemplate(type, handle.getPrimary().getKey());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void rotationKeepsTheVersionsAndAddsAPrimaryOfTheSameParameters(KeyType type) throws GeneralSecurityException {
        KeysetHandle original = TinkKeysets.generate(type);
        KeysetHandle rotated = TinkKeysets.rotate(original, type);
        assertEquals(2, rotated.size());
        assertEquals(original.getAt(0).getId(), rotated.getAt(0).getId());
        assertTrue(rotated.getAt(0).getKey().equalsKey(original.getAt(0).getKey()));
        assertFalse(rotated.getAt(0).isPrimary());
        assertTrue(rotated.getAt(1).isPrimary());
        assertTemplate(type, rotated.getPrimary().getKey());
        assertFalse(rotated.getPrimary().getKey().equalsKey(original.getAt(0).getKey()));
    }

    /** Tink keys have the parameters of AFGo's templates; keys Tink has no class for are private keys of ours. */
    private static void assertTemplate(KeyType type, com.google.crypto.tink.Key key) throws GeneralSecurityException {
        if (type == KeyType.BLS12381G2) {
            assertTrue(BbsKeys.read(key).privateKey() != null);
            assertFalse(BbsKeys.isPublic(key));
        } else if (CurveKeys.stores(type)) {
            CurveKeys.CurveKey read = CurveKeys.read(type, key);
            assertTrue(read.privateKey() != null && read.publicKey() != null);
            assertFalse(CurveKeys.isPublic(key));
        } else {
            assertEquals(expected(type), key.getParameters());
        }
    }

    private static Parameters expected(KeyType type) throws GeneralSecurityException {
        return switch (type) {
            case AES128GCM -> aesGcm(16, AesGcmParameters.Variant.TINK);
            case AES256GCM -> aesGcm(32, AesGcmParameters.Variant.TINK);
            case AES256GCM_NO_PREFIX -> aesGcm(32, AesGcmParameters.Variant.NO_PREFIX);
            case CHACHA20POLY1305 -> ChaCha20Poly1305Parameters.create(ChaCha20Poly1305Parameters.Variant.TINK);
            case XCHACHA20POLY1305 -> XChaCha20Poly1305Parameters.create(XChaCha20Poly1305Parameters.Variant.TINK);
            case HMACSHA256_TAG256 -> HmacParameters.builder()
                    .setKeySizeBytes(32)
                    .setTagSizeBytes(32)
                    .setHashType(HmacParameters.HashType.SHA256)
                    .setVariant(HmacParameters.Variant.TINK)
                    .build();
            case ED25519 -> Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX);
            case ECDSAP256_DER -> ecdsa(EcdsaParameters.CurveType.NIST_P256, EcdsaParameters.HashType.SHA256,
                    EcdsaParameters.SignatureEncoding.DER);
            case ECDSAP384_DER -> ecdsa(EcdsaParameters.CurveType.NIST_P384, EcdsaParameters.HashType.SHA384,
                    EcdsaParameters.SignatureEncoding.DER);
            case ECDSAP521_DER -> ecdsa(EcdsaParameters.CurveType.NIST_P521, EcdsaParameters.HashType.SHA512,
                    EcdsaParameters.SignatureEncoding.DER);
            case ECDSAP256_IEEE_P1363 -> ecdsa(EcdsaParameters.CurveType.NIST_P256, EcdsaParameters.HashType.SHA256,
                    EcdsaParameters.SignatureEncoding.IEEE_P1363);
            case ECDSAP384_IEEE_P1363 -> ecdsa(EcdsaParameters.CurveType.NIST_P384, EcdsaParameters.HashType.SHA384,
                    EcdsaParameters.SignatureEncoding.IEEE_P1363);
            case ECDSAP521_IEEE_P1363 -> ecdsa(EcdsaParameters.CurveType.NIST_P521, EcdsaParameters.HashType.SHA512,
                    EcdsaParameters.SignatureEncoding.IEEE_P1363);
            case ECDSA_SECP256K1_IEEE_P1363, NISTP256ECDHKW, NISTP384ECDHKW, NISTP521ECDHKW, X25519ECDHKW,
                    BLS12381G2 -> throw new IllegalArgumentException("no Tink parameters: " + type);
        };
    }

    private static AesGcmParameters aesGcm(int keySize, AesGcmParameters.Variant variant)
            throws GeneralSecurityException {
        return AesGcmParameters.builder()
                .setKeySizeBytes(keySize)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(variant)
                .build();
    }

    private static EcdsaParameters ecdsa(EcdsaParameters.CurveType curve, EcdsaParameters.HashType hash,
            EcdsaParameters.SignatureEncoding encoding) throws GeneralSecurityException {
        return EcdsaParameters.builder()
                .setCurveType(curve)
                .setHashType(hash)
                .setSignatureEncoding(encoding)
                .setVariant(EcdsaParameters.Variant.NO_PREFIX)
                .build();
    }
}
