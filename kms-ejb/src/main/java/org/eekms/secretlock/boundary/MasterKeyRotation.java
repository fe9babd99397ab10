package org.eekms.secretlock.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.access.control.AccessPolicy;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.NotFoundException;
import org.eekms.secretlock.control.LockCredentials;
import org.eekms.secretlock.control.MasterRewrapBatches;
import org.eekms.secretlock.entity.MasterRewrap;

/**
 * Admin: re-seals every keystore main key and held share under the current master lock, while the server serves
 * (the previous lock, {@code KMS_SECRET_LOCK_PREVIOUS_*}, keeps opening what is not re-sealed yet). It runs in
 * batches of {@code KMS_SECRET_LOCK_REWRAP_BATCH_SIZE} with {@code KMS_SECRET_LOCK_REWRAP_PAUSE} between them, on
 * one node at a time (the job's row is locked per batch, so two nodes would only share the work), and resumes by
 * itself when the server restarts with the previous lock still configured. Once it is done the previous lock can be
 * removed from the configuration.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "MasterLock"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class.getName());

    @Inject
    MasterLock masterLock;

    @Inject
    MasterRewrapBatches batches;

    @Inject
    AccessPolicy access;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.rewrap-batch-size", defaultValue = "100")
    int batchSize;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.rewrap-pause", defaultValue = "0s")
    Duration pause;

    private final AtomicBoolean running = new AtomicBoolean();

    /** A job a crash or a stop interrupted goes on once the server is up again. */
    @PostConstruct
    void resume() {
        if (masterLock.rotating() && batches.job().filter(job -> !job.finished()).isPresent()) {
            LOG.info("resuming the re-sealing under the new master lock");
            launch();
        }
    }

    public RewrapProgress start(LockCredentials credentials) {
        access.administer(credentials);
        if (!masterLock.rotating()) {
            throw new InvalidRequestException("no previous master lock is configured: set KMS_SECRET_LOCK_PREVIOUS_TYPE "
                    + "(and its key path, passphrase, HKDF secret or AWS key) to the lock being replaced");
        }
        if (!running.get()) {
            batches.begin();
            launch();
        }
        return progress();
    }

    public RewrapProgress progress(LockCredentials credentials) {
        access.administer(credentials);
        return progress();
    }

    private RewrapProgress progress() {
        MasterRewrap job = batches.job().orElseThrow(NotFoundException::rewrap);
        return new RewrapProgress(job.phase(), job.total(), job.checked(), job.resealed(), job.startedAt(),
                job.updatedAt(), job.finishedAt(), running.get());
    }

    private void launch() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        executor.submit(() -> {
            try {
                while (batches.next(batchSize)) {
                    if (!pause.isZero()) {
                        Thread.sleep(pause.toMillis());
                    }
                }
                LOG.info("every master-sealed secret is sealed under the current master lock; the previous one "
                        + "can be removed from the configuration");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "re-sealing under the new master lock stopped ({0}); POST it again to resume",
                        e.getClass().getSimpleName());
            } finally {
                running.set(false);
            }
        });
    }
}
