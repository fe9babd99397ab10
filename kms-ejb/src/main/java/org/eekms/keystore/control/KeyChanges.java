package org.eekms.keystore.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.keystore.entity.KeyChange;

/** The table of recent rotations and deletions through which the nodes of a cluster invalidate their key caches. */
@Stateless
public class KeyChanges {

    @PersistenceContext(unitName = "kms")
    EntityManager em;

    /** Records the change in the transaction that makes it, so the row exists exactly when the change does. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Collection<KeyAddress> addresses, Instant at) {
        addresses.forEach(address -> em.persist(new KeyChange(address, at)));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<KeyChange> since(Instant since) {
        return em.createNamedQuery(KeyChange.SINCE, KeyChange.class).setParameter("since", since).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int prune(Instant before) {
        return em.createNamedQuery(KeyChange.PRUNE).setParameter("before", before).executeUpdate();
    }
}
