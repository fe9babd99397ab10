package org.eekms.crypto;

import java.util.List;
import org.eekms.problem.InvalidRequestException;

/**
 * The ready-to-use primitives of one keyset: built once when the keyset is opened, then shared by every request
 * (implementations are thread-safe). Operations the key type cannot do answer 400.
 *
 * <p>Producing operations use the primary key; checking operations accept every key of the keyset, so that what was
 * made before a rotation still verifies or decrypts after it.
 */
public interface KeyOperations {

    KeyType type();

    default byte[] sign(byte[] message) {
        throw unsupported("sign");
    }

    /** Returns normally when the signature verifies under some key of the keyset. */
    default void verify(byte[] signature, byte[] message) {
        throw unsupported("verify");
    }

    default Ciphertext encrypt(byte[] plaintext, byte[] associatedData) {
        throw unsupported("encrypt");
    }

    default byte[] decrypt(byte[] ciphertext, byte[] nonce, byte[] associatedData) {
        throw unsupported("decrypt");
    }

    default byte[] computeMac(byte[] data) {
        throw unsupported("computemac");
    }

    /** Returns normally when the MAC verifies under some key of the keyset. */
    default void verifyMac(byte[] mac, byte[] data) {
        throw unsupported("verifymac");
    }

    /** A BBS+ signature (AFGo's {@code bbs12381g2pub} encoding, 112 bytes) over one or more messages, in order. */
    default byte[] signMulti(List<byte[]> messages) {
        throw unsupported("signmulti");
    }

    /** Returns normally when the BBS+ signature over the messages verifies under some version of the key. */
    default void verifyMulti(byte[] signature, List<byte[]> messages) {
        throw unsupported("verifymulti");
    }

    /**
     * A zero-knowledge proof of the BBS+ signature over {@code messages} that discloses those at
     * {@code revealedIndexes} and is bound to {@code nonce}; 400 when an index is out of range or named twice.
     */
    default byte[] deriveProof(List<byte[]> messages, byte[] signature, byte[] nonce, List<Integer> revealedIndexes) {
        throw unsupported("deriveproof");
    }

    /** Returns normally when the proof discloses exactly these messages (in index order) for this nonce. */
    default void verifyProof(byte[] proof, List<byte[]> revealedMessages, byte[] nonce) {
        throw unsupported("verifyproof");
    }

    /**
     * Authcrypt: wraps {@code cek} for {@code recipient} with ECDH-1PU, this key (the primary version) being the
     * sender; {@code tag} is the JWE authentication tag the key derivation binds, or null.
     */
    default WrappedKey wrapKey(byte[] cek, byte[] apu, byte[] apv, AgreementPublicKey recipient, byte[] tag) {
        throw unsupported("wrap");
    }

    /**
     * Unwraps a key wrapped for this key (any version): ECDH-ES when {@code sender} is null, otherwise ECDH-1PU
     * from that sender with {@code tag}.
     */
    default byte[] unwrapKey(WrappedKey wrapped, AgreementPublicKey sender, byte[] tag) {
        throw unsupported("unwrap");
    }

    /** NaCl {@code box.Seal} from this Ed25519 key (as X25519) to their X25519 public key. */
    default byte[] boxSeal(byte[] payload, byte[] nonce, byte[] theirPublicKey) {
        throw unsupported("easy");
    }

    /** NaCl {@code box.Open} of a box from their X25519 key to the version whose Ed25519 public key is mine. */
    default byte[] boxOpen(byte[] box, byte[] nonce, byte[] theirPublicKey, byte[] myPublicKey) {
        throw unsupported("easyopen");
    }

    /** NaCl {@code box.OpenAnonymous} of a sealed box to the version whose Ed25519 public key is mine. */
    default byte[] sealedBoxOpen(byte[] sealed, byte[] myPublicKey) {
        throw unsupported("sealopen");
    }

    private InvalidRequestException unsupported(String operation) {
        return InvalidRequestException.unsupportedOperation(type().wireName(), operation);
    }
}
