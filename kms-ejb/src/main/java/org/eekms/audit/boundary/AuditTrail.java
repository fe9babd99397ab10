package org.eekms.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.access.control.AccessPolicy;
import org.eekms.audit.control.AuditWriter;
import org.eekms.secretlock.control.LockCredentials;

/**
 * The audit trail. Requests hand their record over and go on: a hot operation pays an enqueue, not a database
 * write. A writer appends the queue to the hash-chained table every {@code KMS_AUDIT_FLUSH_INTERVAL} and when the
 * application stops; a caller that finds the queue over {@code KMS_AUDIT_QUEUE_LIMIT} flushes it itself, so a burst
 * slows down rather than losing records. What a crash can lose is the records of the last interval.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    private static final int BATCH = 500;

    @Inject
    AuditWriter writer;

    @Inject
    AccessPolicy access;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "kms.audit.flush-interval-ms", defaultValue = "200")
    long flushIntervalMillis;

    @Inject
    @ConfigProperty(name = "kms.audit.queue-limit", defaultValue = "10000")
    int queueLimit;

    private final ConcurrentLinkedQueue<AuditRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ReentrantLock flushing = new ReentrantLock();
    private volatile AuditWriter.ChainHead lastWritten;
    /** Where the next append starts without reading the table; null until known, and after a failed append. */
    private AuditWriter.ChainHead head;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::flushQuietly, flushIntervalMillis, flushIntervalMillis,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        flushQuietly();
    }

    public void record(AuditRecord record) {
        queue.add(record);
        if (queued.incrementAndGet() > queueLimit) {
            flush();
        }
    }

    /** Writes every queued record; records stay queued when the write fails, and are written on the next flush. */
    public void flush() {
        flushing.lock();
        try {
            while (!queue.isEmpty()) {
                List<AuditRecord> batch = new ArrayList<>(BATCH);
                for (AuditRecord record : queue) {
                    batch.add(record);
                    if (batch.size() == BATCH) {
                        break;
                    }
                }
                try {
                    head = writer.append(batch, head);
                } catch (RuntimeException e) {
                    head = null; // another server may have appended: read the head again next time
                    throw e;
                }
                lastWritten = head;
                for (int i = 0; i < batch.size(); i++) {
                    queue.poll();
                    queued.decrementAndGet();
                }
            }
        } finally {
            flushing.unlock();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit records not written yet ({0} queued); retrying: {1}",
                    new Object[] {queued.get(), e.getClass().getSimpleName()});
        }
    }

    /** Admin: walks the whole chain after writing what is queued (see {@link AuditWriter#verify}). */
    public AuditVerification verify(LockCredentials credentials) {
        access.administer(credentials);
        flush();
        return writer.verify(lastWritten);
    }
}
