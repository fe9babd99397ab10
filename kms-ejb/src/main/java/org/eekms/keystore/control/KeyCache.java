package org.eekms.keystore.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.config.Caches;
import org.eekms.keystore.entity.KeyAddress;

/**
 * Opened keys by key URL, bounded in size and time ({@code KMS_KEY_CACHE_SIZE}, {@code KMS_KEY_CACHE_TTL}; a TTL of
 * 0 turns caching off). A rotation or deletion evicts every id of the keyset when its transaction ends; eviction
 * waits for a load of the same id in flight, so no stale entry survives a committed change.
 */
@ApplicationScoped
public class KeyCache {

    private Cache<KeyAddress, OpenKey> keys;
    private boolean enabled;

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
        return enabled ? keys.get(address, loader) : loader.apply(address);
    }

    /** Evicts now (a change made by another node of the cluster). */
    public void evict(Collection<KeyAddress> addresses) {
        keys.invalidateAll(addresses);
    }

    /** Evicts now and again when the current transaction ends, so that no reader re-caches the old state. */
    public void evictAfterCommit(Collection<KeyAddress> addresses) {
        keys.invalidateAll(addresses);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                keys.invalidateAll(addresses);
            }
        });
    }
}
