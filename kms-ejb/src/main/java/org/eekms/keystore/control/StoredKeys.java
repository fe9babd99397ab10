package org.eekms.keystore.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eekms.access.control.AccessPolicy;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.crypto.SecretAead;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.keystore.entity.KeyName;
import org.eekms.keystore.entity.Keystore;
import org.eekms.keystore.entity.WrappedKeyset;
import org.eekms.problem.NotFoundException;
import org.eekms.problem.VerificationFailedException;
import org.eekms.secretlock.control.KeystoreLocks;
import org.eekms.secretlock.control.LockCredentials;
import org.eekms.secretlock.control.SealedLock;

/** Finds keystores and keys, opens their locks and unseals keysets: the slow path behind {@link KeyCache}. */
@ApplicationScoped
public class StoredKeys {

    @PersistenceContext(unitName = "kms")
    EntityManager em;

    @Inject
    KeystoreLocks locks;

    @Inject
    KeyCache cache;

    @Inject
    AccessPolicy access;

    @Inject
    KeysetWriters writers;

    public Keystore keystore(String keystoreId) {
        Keystore keystore = em.find(Keystore.class, keystoreId);
        if (keystore == null) {
            throw NotFoundException.keystore(keystoreId);
        }
        return keystore;
    }

    public SecretAead unlock(Keystore keystore, LockCredentials credentials) {
        access.use(keystore.owner(), credentials);
        SealedLock sealed = sealedLock(keystore);
        return locks.of(sealed).unlock(keystore.id(), sealed, credentials);
    }

    /** Fails unless the credentials would open the keystore, for operations that open no key (list, delete). */
    public void admit(Keystore keystore, LockCredentials credentials) {
        access.use(keystore.owner(), credentials);
        SealedLock sealed = sealedLock(keystore);
        locks.of(sealed).admit(keystore.id(), sealed, credentials);
    }

    /** The opened key at an address, from the cache when it is there, once the caller is admitted to its lock. */
    public OpenKey open(KeyAddress address, LockCredentials credentials) {
        OpenKey key = cache.get(address, a -> load(a, credentials));
        access.use(key.owner(), credentials);
        locks.of(key.lock()).admit(address.keystoreId(), key.lock(), credentials);
        return key;
    }

    /**
     * A cache miss: the key name, its keyset and its keystore in one query (three primary-key lookups joined), then
     * one unwrap, the keystore's main key coming from its lock's own cache.
     */
    private OpenKey load(KeyAddress address, LockCredentials credentials) {
        List<Object[]> rows = em.createQuery("SELECT w, k FROM KeyName n, WrappedKeyset w, Keystore k"
                        + " WHERE n.address = :address AND w.id = n.keysetId AND k.id = w.keystoreId", Object[].class)
                .setParameter("address", address)
                .getResultList();
        if (rows.isEmpty()) {
            keystore(address.keystoreId()); // 404 for the keystore when that is what is missing
            throw NotFoundException.key(address.keyId());
        }
        WrappedKeyset wrapped = (WrappedKeyset) rows.get(0)[0];
        Keystore keystore = (Keystore) rows.get(0)[1];
        Keyset keyset = unseal(wrapped, unlock(keystore, credentials));
        return new OpenKey(wrapped.id(), keyset.operations(), keyset.publicKey(), sealedLock(keystore),
                keystore.owner());
    }

    private static SealedLock sealedLock(Keystore keystore) {
        return new SealedLock(keystore.lockType(), keystore.lockParameters(), keystore.sealedLockKey());
    }

    /**
     * The stored keyset a key id names, for a change: the caller is its only writer on this node and holds its row
     * lock until the transaction ends. 404 for an unknown keystore or key (also when a concurrent delete removed
     * it while this caller waited), 409 {@code key_busy} when the database gives up waiting for the row lock.
     */
    public WrappedKeyset keysetToChange(KeyAddress address) {
        KeyName name = em.find(KeyName.class, address);
        if (name == null) {
            keystore(address.keystoreId());
            throw NotFoundException.key(address.keyId());
        }
        writers.enter(name.keysetId());
        WrappedKeyset keyset;
        try {
            keyset = em.find(WrappedKeyset.class, name.keysetId(), LockModeType.PESSIMISTIC_WRITE);
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw KeysetWriters.busy();
        }
        if (keyset == null) {
            throw NotFoundException.key(address.keyId());
        }
        return keyset;
    }

    public Keyset unseal(WrappedKeyset wrapped, SecretAead keyEncryption) {
        try {
            return Keyset.unseal(KeyType.fromWireName(wrapped.keyType()), wrapped.sealedKeyset(), keyEncryption,
                    associatedData(wrapped.keystoreId(), wrapped.id()));
        } catch (VerificationFailedException e) {
            // A stored keyset that does not open is a server fault (moved rows, wrong key), never the caller's.
            throw new IllegalStateException("a stored keyset does not open under its keystore's lock");
        }
    }

    /** Binds a sealed keyset to its keystore and row, so that it cannot be replayed elsewhere. */
    public static byte[] associatedData(String keystoreId, String keysetId) {
        return ("eekms:keyset:" + keystoreId + ":" + keysetId).getBytes(StandardCharsets.UTF_8);
    }
}
