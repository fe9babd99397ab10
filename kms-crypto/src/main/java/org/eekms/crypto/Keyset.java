package org.eekms.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.util.Optional;
import org.eekms.crypto.internal.KeyImport;
import org.eekms.crypto.internal.Operations;
import org.eekms.crypto.internal.PublicKeys;
import org.eekms.crypto.internal.TinkKeysets;
import org.eekms.problem.InvalidRequestException;

/**
 * The versions of one key: a primary that signs, encrypts and MACs, and the older versions a rotation kept so that
 * what they made still verifies and decrypts. Immutable; {@link #rotate()} returns a new keyset.
 *
 * <p>A keyset leaves memory only through {@link #seal}: encrypted under a fresh data key, which is itself encrypted
 * by the keystore's key-encryption AEAD.
 */
public final class Keyset {

    private final KeyType type;
    private final KeysetHandle handle;

    private Keyset(KeyType type, KeysetHandle handle) {
        this.type = type;
        this.handle = handle;
    }

    public static Keyset generate(KeyType type) {
        return new Keyset(type, TinkKeysets.generate(type));
    }

    /** Imports a PKCS#8 DER private key; 400 when it is malformed or of another curve or algorithm than the type. */
    public static Keyset importPrivateKey(KeyType type, byte[] pkcs8) {
        return new Keyset(type, KeyImport.privateKey(type, pkcs8));
    }

    /**
     * Imports a raw symmetric key (bring your own key) with the parameters of generated keys of the type: 16 bytes
     * for AES128GCM; 32 for AES256GCM, AES256GCMNoPrefix, ChaCha20Poly1305 and XChaCha20Poly1305; 32 to 64 for
     * HMACSHA256Tag256. The caller's array is not changed. 400 for other lengths and for signature types.
     */
    public static Keyset importSymmetricKey(KeyType type, byte[] raw) {
        return new Keyset(type, KeyImport.symmetricKey(type, raw));
    }

    /**
     * Imports a verify-only public key in the type's export format (webkms reference §4.1): 32 raw bytes for
     * ED25519, X.509 SubjectPublicKeyInfo DER for the ECDSA DER types, the uncompressed point 04 ‖ X ‖ Y for the
     * IEEE P1363 types, the 96-byte compressed G2 point for BLS12381G2 (an issuer's key, to verify BBS+ signatures and
     * proofs). 400 when it is malformed, off the type's curve, or the type is not a signature type.
     */
    public static Keyset importPublicKey(KeyType type, byte[] publicKey) {
        return new Keyset(type, KeyImport.publicKey(type, publicKey));
    }

    /** Opens what {@link #seal} produced with the same key-encryption AEAD and associated data. */
    public static Keyset unseal(KeyType type, byte[] sealed, SecretAead keyEncryption, byte[] associatedData) {
        return new Keyset(type, TinkKeysets.unseal(sealed, keyEncryption, associatedData));
    }

    public byte[] seal(SecretAead keyEncryption, byte[] associatedData) {
        return TinkKeysets.seal(handle, keyEncryption, associatedData);
    }

    /**
     * A keyset with a new primary key of the same type; the current versions stay for verify and decrypt. 400 for a
     * verify-only keyset.
     */
    public Keyset rotate() {
        if (verifyOnly()) {
            throw new InvalidRequestException("unsupported_operation", "the " + type.wireName()
                    + " key is verify-only (an imported public key): there is no private key to rotate");
        }
        return new Keyset(type, TinkKeysets.rotate(handle, type));
    }

    public KeyType type() {
        return type;
    }

    /** Whether the keyset holds only an imported public key: it verifies signatures but cannot sign or rotate. */
    public boolean verifyOnly() {
        return type.isAsymmetric() && Operations.verifyOnly(handle);
    }

    public int versions() {
        return handle.size();
    }

    /** The RFC 7638 thumbprint of the primary public key, which TrustBloc uses as key id; empty for symmetric keys. */
    public Optional<String> thumbprint() {
        return type.isAsymmetric() ? Optional.of(PublicKeys.thumbprint(type, handle.getPrimary().getKey())) : Optional.empty();
    }

    /** The primary public key in the type's webkms export format; empty for symmetric keys. */
    public Optional<byte[]> publicKey() {
        return type.isAsymmetric() ? Optional.of(PublicKeys.export(type, handle.getPrimary().getKey())) : Optional.empty();
    }

    /** The key id TrustBloc gives the Ed25519 key with this public key (how crypto-box requests name their key). */
    public static String ed25519KeyId(byte[] publicKey) {
        return PublicKeys.ed25519Thumbprint(publicKey);
    }

    /** The primitives of this keyset, built now; callers cache the result rather than the keyset. */
    public KeyOperations operations() {
        return Operations.of(type, handle);
    }

    @Override
    public String toString() {
        return "Keyset[" + type.wireName() + ", " + versions() + " versions" + (verifyOnly() ? ", verify-only" : "")
                + "]";
    }
}
