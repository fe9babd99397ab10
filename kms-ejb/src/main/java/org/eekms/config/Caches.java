package org.eekms.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/** Caches sized and timed by configuration, where a TTL of 0 (or a size of 0) means: keep nothing. */
public final class Caches {

    private Caches() {
    }

    public static boolean enabled(long size, Duration ttl) {
        return size > 0 && !ttl.isZero();
    }

    public static <K, V> Cache<K, V> bounded(long size, Duration ttl) {
        return bounded(size, ttl, false);
    }

    /** With {@code statistics}, the cache counts its hits, misses and evictions (for the server's meters). */
    public static <K, V> Cache<K, V> bounded(long size, Duration ttl, boolean statistics) {
        boolean enabled = enabled(size, ttl);
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumSize(enabled ? size : 0)
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1));
        if (statistics) {
            builder.recordStats();
        }
        return builder.build();
    }
}
