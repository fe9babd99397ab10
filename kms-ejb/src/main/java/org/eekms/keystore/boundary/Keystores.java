package org.eekms.keystore.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eekms.keystore.control.Ids;
import org.eekms.access.control.AccessPolicy;
import org.eekms.keystore.control.StoredKeys;
import org.eekms.keystore.entity.Keystore;
import org.eekms.problem.InvalidRequestException;
import org.eekms.secretlock.control.KeystoreLock;
import org.eekms.secretlock.control.KeystoreLocks;
import org.eekms.secretlock.control.LockCredentials;
import org.eekms.secretlock.control.LockSpec;
import org.eekms.secretlock.control.SealedLock;

/** Creates keystores, reads their metadata and, for admins, lists them. */
@Stateless
public class Keystores {

    private static final Logger LOG = Logger.getLogger(Keystores.class.getName());
    private static final int MAX_CONTROLLER_LENGTH = 2048;

    @PersistenceContext(unitName = "kms")
    EntityManager em;

    @Inject
    KeystoreLocks locks;

    @Inject
    StoredKeys storedKeys;

    @Inject
    AccessPolicy access;

    /** A new keystore of the given controller, locked as the spec says (the server default lock for none). */
    public KeystoreView create(String controller, LockSpec lockSpec, LockCredentials credentials) {
        if (controller == null || controller.isBlank()) {
            throw new InvalidRequestException("controller must be non-empty");
        }
        if (controller.length() > MAX_CONTROLLER_LENGTH) {
            throw new InvalidRequestException("controller must be at most " + MAX_CONTROLLER_LENGTH + " characters");
        }
        String owner = access.ownerOf(controller, credentials);
        LockSpec spec = lockSpec == null ? LockSpec.DEFAULT : lockSpec;
        KeystoreLock lock = locks.byType(spec.type());
        String id = Ids.newKeystoreId();
        SealedLock sealed = lock.create(id, spec, credentials);
        Keystore keystore = new Keystore(id, controller, lock.type(), sealed.publicParameters(),
                sealed.sealedSecret(), Instant.now(), owner);
        em.persist(keystore);
        LOG.fine(() -> "created keystore " + id + " with lock " + lock.type());
        return view(keystore);
    }

    /** Seals the keystore's lock secret anew, for a remote lock under the authorization key's newest version. */
    public void rewrap(String keystoreId, LockCredentials credentials) {
        Keystore keystore = em.find(Keystore.class, keystoreId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (keystore == null) {
            throw org.eekms.problem.NotFoundException.keystore(keystoreId);
        }
        access.use(keystore.owner(), credentials);
        SealedLock sealed = new SealedLock(keystore.lockType(), keystore.lockParameters(), keystore.sealedLockKey());
        keystore.relocked(locks.of(sealed).rewrap(keystoreId, sealed, credentials).sealedSecret());
    }

    /** A keystore's metadata, for its owner or an admin. */
    public KeystoreView find(String keystoreId, LockCredentials credentials) {
        Keystore keystore = storedKeys.keystore(keystoreId);
        access.read(keystore.owner(), credentials);
        return view(keystore);
    }

    /** Admin: every keystore, oldest first, a page at a time. */
    public List<KeystoreView> list(int first, int max, LockCredentials credentials) {
        access.administer(credentials);
        return em.createQuery("SELECT k FROM Keystore k ORDER BY k.createdAt, k.id", Keystore.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, max), 1000))
                .getResultStream()
                .map(Keystores::view)
                .toList();
    }

    private static KeystoreView view(Keystore keystore) {
        return new KeystoreView(keystore.id(), keystore.controller(), keystore.lockType(), keystore.lockParameters(),
                keystore.createdAt(), keystore.owner());
    }
}
