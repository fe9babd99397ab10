package org.eekms.limits.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Token buckets by key (a keystore, a caller), each a single {@link AtomicLong} run as the generic cell rate
 * algorithm (GCRA, ITU-T I.371): the bucket holds the time at which it would be full again, so admitting a request
 * is one compare-and-set, with no lock, no allocation and no refill thread. {@code burst} requests pass at once,
 * then one every {@code 1/rate} seconds.
 *
 * <p>The buckets live in a Caffeine cache bounded by {@code maxTracked}, so that many keys (random keystore ids, many
 * callers) cannot exhaust memory. A bucket left alone for {@code burst/rate} seconds is full again, no different
 * from a new one; buckets expire after that long unused, so expiry forgets nothing. Only when more than
 * {@code maxTracked} keys are busy at once does eviction forget a drained bucket, and Caffeine keeps the frequently
 * used ones.
 */
public final class RateLimiter {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long interval;
    private final long tolerance;
    private final Ticker ticker;
    private final long origin;
    private final Cache<String, AtomicLong> buckets;
    // one instance, so a lookup allocates no lambda
    private final Function<String, AtomicLong> newBucket = key -> new AtomicLong();

    /**
     * @param perSecond requests per second admitted in the long run (more than 0)
     * @param burst requests admitted at once from a full bucket (at least 1)
     * @param maxTracked at most this many buckets are kept
     */
    public RateLimiter(double perSecond, long burst, long maxTracked) {
        this(perSecond, burst, maxTracked, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    RateLimiter(double perSecond, long burst, long maxTracked, Ticker ticker, Executor maintenance) {
        if (!(perSecond > 0) || burst < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("a rate limit needs a rate above 0, a burst and a size of at least 1");
        }
        this.interval = Math.max(1, Math.round(SECOND / perSecond));
        this.tolerance = Math.multiplyExact(interval, burst);
        this.ticker = ticker;
        this.origin = ticker.read();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxTracked)
                .expireAfterAccess(Duration.ofNanos(tolerance))
                .ticker(ticker)
                .executor(maintenance)
                .build();
    }

    /** Takes a token from the key's bucket: 0 when the request is admitted, else how many nanoseconds to wait. */
    public long acquire(String key) {
        long now = ticker.read() - origin;
        AtomicLong full = buckets.get(key, newBucket);
        while (true) {
            long current = full.get();
            long next = Math.max(current, now) + interval;
            long excess = next - now - tolerance;
            if (excess > 0) {
                return excess; // refused: the bucket is left as it was
            }
            if (full.compareAndSet(current, next)) {
                return 0;
            }
        }
    }

    /** How many buckets are held now (after pending evictions). */
    public long tracked() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** Whole seconds for a {@code Retry-After} header: at least 1. */
    public static long seconds(long nanos) {
        return Math.max(1, (nanos + SECOND - 1) / SECOND);
    }
}
