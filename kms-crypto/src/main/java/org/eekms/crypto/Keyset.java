package org.eekms.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.util.Optional;
import org.eekms.crypto.internal.KeyImport;
import org.eekms.crypto.internal.Operations;
import org.eekms.crypto.internal.PublicKeys;
import org.eekms.crypto.internal.TinkKeysets;

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

    /** Opens what {@link #seal} produced with the same key-encryption AEAD and associated data. */
    public static Keyset unseal(KeyType type, byte[] sealed, SecretAead keyEncryption, byte[] associatedData) {
        return new Keyset(type, TinkKeysets.unseal(sealed, keyEncryption, associatedData));
    }

    public byte[] seal(SecretAead keyEncryption, byte[] associatedData) {
        return TinkKeysets.seal(handle, keyEncryption, associatedData);
    }

    /** A keyset with a new primary key of the same type; the current versions stay for verify and decrypt. */
    public Keyset rotate() {
        return new Keyset(type, TinkKeysets.rotate(handle, type));
    }

    public KeyType type() {
        return type;
    }

    public int versions() {
        return handle.size();
    }

    /** The RFC 7638 thumbprint of the primary public key, which TrustBloc uses as key id; empty for symmetric keys. */
    public Optional<String> thumbprint() {
        return type.isAsymmetric() ? Optional.of(PublicKeys.thumbprint(handle.getPrimary().getKey())) : Optional.empty();
    }

    /** The primary public key in the type's webkms export format; empty for symmetric keys. */
    public Optional<byte[]> publicKey() {
        return type.isAsymmetric() ? Optional.of(PublicKeys.export(type, handle.getPrimary().getKey())) : Optional.empty();
    }

    /** The primitives of this keyset, built now; callers cache the result rather than the keyset. */
    public KeyOperations operations() {
        return Operations.of(type, handle);
    }

    @Override
    public String toString() {
        return "Keyset[" + type.wireName() + ", " + versions() + " versions]";
    }
}
