package org.eekms.crypto;

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

    private InvalidRequestException unsupported(String operation) {
        return InvalidRequestException.unsupportedOperation(type().wireName(), operation);
    }
}
