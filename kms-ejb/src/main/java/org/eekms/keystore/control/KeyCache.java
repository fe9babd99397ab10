package org.eekms.keystore.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.config.Caches;
import org.eekms.keystore.entity.KeyAddress;

/**
 * Opened keys by key URL, bounded in size and time ({@code KMS_KEY_CACHE_SIZE}, {@code KMS_KEY_CACHE_TTL}; a TTL of
 * 0 turns caching off). A rotation or deletion evicts every id of the keyset as it starts, and while its transaction
 * runs, keys loaded under those ids are served but not cached: a load then may read the state before the commit,
 * and a cached copy of it would outlive the commit until the transaction's end evicts it, so that a sign made with
 * the new version could fail to verify, or a deleted key still sign, in between. Eviction waits for a load of the
 * same id in flight, so no stale entry survives a committed change.
 */
@ApplicationScoped
public class KeyCache {

    private Cache<KeyAddress, OpenKey> keys;
    private boolean enabled;
    /** Ids whose keyset a running transaction changes, with the number of such transactions. */
    private final Map<KeyAddress, Integer> changing = new ConcurrentHashMap<>();

    @Resource
    TransactionSynchronizationRegistry transactions;

    protected KeyCache() {
        // for CDI proxies
    }

    @Inject
    public KeyCache(@ConfigProperty(name = "kms.key-cache.size", defaultValue = "10000") long size,
            @ConfigProperty(name = "kms.key-cache.ttl", defaultValue = "10m") Duration ttl) {
        this.enabled = Caches.enabled(size, ttl);
        this.keys = Caches.bounded(size, ttl, true);
    }

    /** The cache itself, for its statistics (hits, misses, evictions) in the server's meters. */
    public Cache<KeyAddress, OpenKey> statistics() {
        return keys;
    }

    /** Empties the cache (an administrator's flush); the next use of each key reads and unseals it again. */
    public void flush() {
        keys.invalidateAll();
    }

    public OpenKey get(KeyAddress address, Function<KeyAddress, OpenKey> loader) {
        if (!enabled) {
            return loader.apply(address);
        }
        OpenKey[] uncached = new OpenKey[1];
        // Decided inside the cache's load, which a change's eviction of the same id waits for: a load that began
        // before the change is evicted by it, one that began after is not kept.
        OpenKey cached = keys.get(address, a -> {
            if (!changing.containsKey(a)) {
                return loader.apply(a);
            }
            uncached[0] = loader.apply(a);
            return null;
        });
        return cached != null ? cached : uncached[0];
    }

    /** Evicts now (a change made by another node of the cluster). */
    public void evict(Collection<KeyAddress> addresses) {
        keys.invalidateAll(addresses);
    }

    /**
     * Evicts now and stops caching the addresses until the current transaction ends (commit or rollback), then evicts
     * again, so that no reader is served the old state once the change is committed.
     */
    public void evictAfterCommit(Collection<KeyAddress> addresses) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                keys.invalidateAll(addresses);
                addresses.forEach(address -> changing.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1));
            }
        });
        addresses.forEach(address -> changing.merge(address, 1, Integer::sum));
        keys.invalidateAll(addresses);
    }
}
