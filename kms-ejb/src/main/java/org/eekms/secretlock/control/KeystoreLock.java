package org.eekms.secretlock.control;

import org.eekms.crypto.SecretAead;

/**
 * A kind of keystore lock ({@code secret_lock.type} at keystore creation). A lock makes the keystore's
 * key-encryption AEAD, under which every key of the keystore is sealed. Implementations are CDI beans; the services
 * find them by {@link #type()} and never know which one they use.
 */
public interface KeystoreLock {

    /** The name clients give in {@code secret_lock.type}. */
    String type();

    /** Creates the lock of a new keystore; the result is stored with it. */
    SealedLock create(String keystoreId, LockSpec spec, LockCredentials credentials);

    /** Opens a keystore's key-encryption AEAD; fails with a client error when the credentials do not open it. */
    SecretAead unlock(String keystoreId, SealedLock lock, LockCredentials credentials);

    /**
     * Checks, on every use of an already opened key, that this caller could open the keystore too: opened keys are
     * cached per key, not per caller. Locks that need no credentials admit everyone.
     */
    default void admit(String keystoreId, SealedLock lock, LockCredentials credentials) {
        // nothing to check
    }

    /** Seals the lock's secret again (for a remote lock: under the authorization key's newest version). */
    default SealedLock rewrap(String keystoreId, SealedLock lock, LockCredentials credentials) {
        throw new org.eekms.problem.InvalidRequestException("unsupported_operation",
                "keystores locked with " + type() + " have nothing to re-wrap");
    }

    /** Whether this server is configured to offer the lock. */
    default boolean offered() {
        return true;
    }
}
