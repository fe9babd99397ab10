package org.eekms.keystore.control;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.keystore.entity.KeyChange;

/**
 * Keeps the key cache of this node consistent with the other nodes that share the database: every
 * {@code KMS_CLUSTER_POLL_INTERVAL} it reads the changes of the last {@link #WINDOW} and evicts the keys of those it
 * has not seen yet. A rotation or deletion on another node is therefore refused or served with the new primary here
 * within one interval (plus the query), whatever the cache TTL. Reading a window rather than "after the last id"
 * also catches a change whose transaction committed after a later one; clocks of the nodes may differ by up to the
 * window minus the longest write transaction. Rows older than {@link #RETAIN} are pruned by whichever node gets
 * there.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterInvalidation {

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final Duration RETAIN = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(ClusterInvalidation.class.getName());

    @Inject
    KeyChanges changes;

    @Inject
    KeyCache cache;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "kms.cluster.poll-interval", defaultValue = "1s")
    Duration interval;

    /** Ids of the changes already applied here, with when they happened, forgotten after the window. */
    private final Map<Long, Instant> applied = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;
    private Instant lastPrune = Instant.EPOCH;

    @PostConstruct
    void start() {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("KMS_CLUSTER_POLL_INTERVAL=0: this node does not follow key changes made by other nodes");
            return;
        }
        // changes made before this node started are in no cache of this node
        Instant now = Instant.now();
        changes.since(now.minus(WINDOW)).forEach(change -> applied.put(change.id(), now));
        task = scheduler.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One round: evicts what changed elsewhere since the last round. Returns the number of keys evicted. */
    int poll() {
        Instant now = Instant.now();
        List<KeyAddress> evict = changes.since(now.minus(WINDOW)).stream()
                .filter(change -> applied.putIfAbsent(change.id(), now) == null)
                .map(KeyChange::address)
                .toList();
        cache.evict(evict);
        applied.values().removeIf(at -> at.isBefore(now.minus(WINDOW.multipliedBy(2))));
        if (lastPrune.isBefore(now.minus(RETAIN))) {
            lastPrune = now;
            changes.prune(now.minus(RETAIN));
        }
        return evict.size();
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read key changes of other nodes; retrying: {0}",
                    e.getClass().getSimpleName());
        }
    }
}
