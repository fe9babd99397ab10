package org.eekms.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.eekms.audit.boundary.AuditVerification;
import org.eekms.audit.boundary.AuditRecord;
import org.eekms.audit.entity.AuditEvent;

/**
 * Appends records to the chain in one transaction of its own. Two servers appending at once collide on the next
 * sequence number; the loser's transaction rolls back and its records are appended again on the next flush.
 */
@Stateless
public class AuditWriter {

    private static final int PAGE = 1000;

    @PersistenceContext(unitName = "kms")
    EntityManager em;

    /** The last row of the chain: its sequence number and hash. */
    public record ChainHead(long seq, byte[] hash) {
    }

    /**
     * Appends after {@code knownHead}, the head this server wrote last, or after the head read from the table when it
     * is null (at start, and after a failed append). Rows another server appended since make the first insert collide
     * on its sequence number, so a stale head rolls back rather than forking the chain. Returns the new head.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ChainHead append(List<AuditRecord> records, ChainHead knownHead) {
        ChainHead head = knownHead != null ? knownHead : head();
        long seq = head == null ? 0 : head.seq();
        byte[] previous = head == null ? AuditChain.GENESIS : head.hash();
        AuditEvent last = null;
        for (AuditRecord record : records) {
            seq++;
            byte[] hash = AuditChain.hash(previous, seq, record);
            last = new AuditEvent(seq, AuditChain.storable(record.occurredAt()), record.actor(), record.keystoreId(),
                    record.keyId(), record.operation(), record.outcome(), previous, hash);
            em.persist(last);
            previous = hash;
        }
        em.flush();
        return last == null ? head : new ChainHead(last.seq(), last.hash());
    }

    /**
     * MAX then a primary-key read: both are index lookups on H2 and PostgreSQL, where H2 answers
     * {@code ORDER BY seq DESC LIMIT 1} by scanning the whole table, a cost that grew with every flush.
     */
    private ChainHead head() {
        Long last = em.createQuery("SELECT MAX(e.seq) FROM AuditEvent e", Long.class).getSingleResult();
        if (last == null) {
            return null;
        }
        AuditEvent event = em.find(AuditEvent.class, last);
        return new ChainHead(event.seq(), event.hash());
    }

    /**
     * Walks the whole chain: every row must follow the one before it in sequence, name that row's hash and hash to
     * its own; the last row must not be older than {@code lastWritten}, the last one this server wrote.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuditVerification verify(ChainHead lastWritten) {
        long rows = 0;
        long seq = 0;
        byte[] previous = AuditChain.GENESIS;
        List<AuditEvent> page;
        do {
            page = page(seq, PAGE);
            for (AuditEvent event : page) {
                String problem = null;
                if (event.seq() != seq + 1) {
                    problem = "rows " + (seq + 1) + " to " + (event.seq() - 1) + " are missing";
                } else if (!MessageDigest.isEqual(previous, event.previousHash())) {
                    problem = "the row does not link to the row before it";
                } else if (!MessageDigest.isEqual(event.hash(), AuditChain.hash(previous, event.seq(), record(event)))) {
                    problem = "the row was altered";
                }
                if (problem != null) {
                    return new AuditVerification(rows, false, event.seq(), problem, seq, encode(previous));
                }
                rows++;
                seq = event.seq();
                previous = event.hash();
            }
            em.clear();
        } while (page.size() == PAGE);
        if (lastWritten != null && (lastWritten.seq() > seq
                || (lastWritten.seq() == seq && !MessageDigest.isEqual(lastWritten.hash(), previous)))) {
            return new AuditVerification(rows, false, lastWritten.seq(),
                    "rows this server wrote are gone from the end of the trail", seq, encode(previous));
        }
        return new AuditVerification(rows, true, null, null, seq, encode(previous));
    }

    private List<AuditEvent> page(long afterSeq, int size) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.seq > :after ORDER BY e.seq", AuditEvent.class)
                .setParameter("after", afterSeq)
                .setMaxResults(size)
                .getResultList();
    }

    private static AuditRecord record(AuditEvent event) {
        return new AuditRecord(event.occurredAt(), event.actor(), event.keystoreId(), event.keyId(),
                event.operation(), event.outcome());
    }

    private static String encode(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
