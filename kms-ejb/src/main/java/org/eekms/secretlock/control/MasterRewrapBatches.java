package org.eekms.secretlock.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eekms.keystore.entity.Keystore;
import org.eekms.secretlock.boundary.MasterLock;
import org.eekms.secretlock.entity.MasterRewrap;
import org.eekms.shareholder.boundary.ShareHolder;
import org.eekms.shareholder.entity.HeldShare;

/**
 * The re-sealing under a new master lock, one batch per transaction: the batch's rows are locked, re-sealed when the
 * previous lock sealed them, and the job's cursor advances in the same commit, so a crash loses at most the batch in
 * flight, which is redone. Rows the current lock already sealed (new ones, or done before a crash) are left alone.
 */
@Stateless
public class MasterRewrapBatches {

    private static final String KEY_LOCK = MainKeyLock.TYPE;

    @PersistenceContext(unitName = "kms")
    EntityManager em;

    @Inject
    MasterLock masterLock;

    /** The job: resumed when one is unfinished, otherwise started afresh. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MasterRewrap begin() {
        MasterRewrap job = em.find(MasterRewrap.class, MasterRewrap.ID, LockModeType.PESSIMISTIC_WRITE);
        long total = em.createQuery("SELECT COUNT(k) FROM Keystore k WHERE k.lockType = :type", Long.class)
                .setParameter("type", KEY_LOCK).getSingleResult()
                + em.createQuery("SELECT COUNT(s) FROM HeldShare s", Long.class).getSingleResult();
        if (job == null) {
            job = new MasterRewrap(total, Instant.now());
            em.persist(job);
        } else if (job.finished()) {
            job.restart(total, Instant.now());
        }
        return job;
    }

    /** Re-seals the next batch; false once everything is done. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean next(int size) {
        MasterRewrap job = em.find(MasterRewrap.class, MasterRewrap.ID, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.finished()) {
            return false;
        }
        String after = job.cursorId() == null ? "" : job.cursorId();
        Instant now = Instant.now();
        if (MasterRewrap.KEYSTORES.equals(job.phase())) {
            List<Keystore> keystores = em.createQuery("SELECT k FROM Keystore k WHERE k.lockType = :type "
                    + "AND k.id > :after ORDER BY k.id", Keystore.class)
                    .setParameter("type", KEY_LOCK).setParameter("after", after)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(size).getResultList();
            reseal(job, keystores, Keystore::id, Keystore::sealedLockKey,
                    keystore -> MainKeyLock.associatedData(keystore.id()), Keystore::relocked, now);
        } else {
            List<HeldShare> shares = em.createQuery("SELECT s FROM HeldShare s WHERE s.subject > :after "
                    + "ORDER BY s.subject", HeldShare.class)
                    .setParameter("after", after)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(size).getResultList();
            reseal(job, shares, HeldShare::subject, HeldShare::sealedShare,
                    share -> ShareHolder.associatedData(share.subject()), HeldShare::resealed, now);
        }
        return !job.finished();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<MasterRewrap> job() {
        return Optional.ofNullable(em.find(MasterRewrap.class, MasterRewrap.ID));
    }

    /** Re-seals the rows the previous lock sealed and moves the job past them (or to its next phase). */
    private <T> void reseal(MasterRewrap job, List<T> rows, Function<T, String> id, Function<T, byte[]> sealed,
            Function<T, byte[]> context, BiConsumer<T, byte[]> resealed, Instant now) {
        if (rows.isEmpty()) {
            job.phaseDone(now);
            return;
        }
        long count = 0;
        for (T row : rows) {
            Optional<byte[]> anew = masterLock.reseal(sealed.apply(row), context.apply(row));
            if (anew.isPresent()) {
                resealed.accept(row, anew.get());
                count++;
            }
        }
        job.advanced(id.apply(rows.get(rows.size() - 1)), rows.size(), count, now);
    }
}
