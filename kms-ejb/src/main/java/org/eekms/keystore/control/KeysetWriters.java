package org.eekms.keystore.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eekms.problem.ConflictException;

/**
 * Lets one transaction at a time change a keyset on this node, until the transaction ends. Writers of one key
 * (rotate, delete) then queue here, for as long as {@link #WAIT_SECONDS}, instead of in the database, whose lock wait
 * may be short (the embedded H2's is about a second, and a few rotations of one key queued on a busy machine took
 * longer: a 500 for the last). The row lock the writer takes next still orders writers on other nodes. Keysets share
 * {@link #STRIPES} locks by hash: writers of two keysets on one stripe wait for each other, which costs little, as
 * each transaction changes one keyset and waits for nothing else while it holds its stripe.
 */
@ApplicationScoped
public class KeysetWriters {

    static final int STRIPES = 256;
    static final long WAIT_SECONDS = 30;

    private final Semaphore[] stripes = new Semaphore[STRIPES];

    @Resource
    TransactionSynchronizationRegistry transactions;

    public KeysetWriters() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Semaphore(1, true);
        }
    }

    /** Waits until no other transaction changes the keyset here; released when the current transaction ends. */
    public void enter(String keysetId) {
        // a semaphore, not a lock: the transaction may end on another thread than the one that entered
        Semaphore stripe = stripes[Math.floorMod(keysetId.hashCode(), STRIPES)];
        try {
            if (!stripe.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // held through the commit
                }

                @Override
                public void afterCompletion(int status) {
                    stripe.release();
                }
            });
        } catch (RuntimeException e) {
            stripe.release();
            throw e;
        }
    }

    /** The answer when a key's other writers keep it longer than a caller should wait: try again. */
    public static ConflictException busy() {
        return new ConflictException("key_busy", "the key is being changed by other requests; try again");
    }
}
