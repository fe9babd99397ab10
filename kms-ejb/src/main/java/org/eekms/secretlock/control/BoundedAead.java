package org.eekms.secretlock.control;

import org.eekms.crypto.SecretAead;

/** A remote AEAD (AWS KMS) behind a {@link Bulkhead}: a KMS that hangs holds at most so many threads. */
final class BoundedAead implements SecretAead, AutoCloseable {

    private final SecretAead remote;
    private final Bulkhead bulkhead;

    BoundedAead(SecretAead remote, Bulkhead bulkhead) {
        this.remote = remote;
        this.bulkhead = bulkhead;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        return bulkhead.call(() -> remote.encrypt(plaintext, associatedData));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        return bulkhead.call(() -> remote.decrypt(ciphertext, associatedData));
    }

    @Override
    public void close() throws Exception {
        if (remote instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return remote.toString();
    }
}
