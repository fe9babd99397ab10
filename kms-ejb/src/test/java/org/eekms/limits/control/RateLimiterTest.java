package org.eekms.limits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter on a clock the test moves: no sleeps, so the outcome does not depend on the machine's speed. */
class RateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(-123_456_789_000L); // nanoTime may be negative
    private final Ticker ticker = now::get;

    private RateLimiter limiter(double perSecond, long burst, long maxTracked) {
        return new RateLimiter(perSecond, burst, maxTracked, ticker, Runnable::run);
    }

    @Test
    void aFullBucketAdmitsTheBurstThenOneRequestPerInterval() {
        RateLimiter cut = limiter(2, 5, 100);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, cut.acquire("ks"), "request " + i + " of the burst");
        }
        long wait = cut.acquire("ks");
        assertEquals(SECOND / 2, wait, "the next token comes after 1/rate");
        assertEquals(1, RateLimiter.seconds(wait));
        now.addAndGet(SECOND / 2 - 1);
        assertEquals(1, cut.acquire("ks"), "one nanosecond early is still refused");
        now.addAndGet(1);
        assertEquals(0, cut.acquire("ks"));
        assertTrue(cut.acquire("ks") > 0);
        System.out.println("RateLimiterTest: burst of 5 admitted, then one every 500 ms");
    }

    @Test
    void refusalsTakeNoTokenSoARefusedClientRecoversOnTime() {
        RateLimiter cut = limiter(1, 1, 100);
        assertEquals(0, cut.acquire("caller"));
        for (int i = 0; i < 1000; i++) {
            assertTrue(cut.acquire("caller") > 0);
        }
        now.addAndGet(SECOND);
        assertEquals(0, cut.acquire("caller"), "a thousand refused retries did not push the next token back");
    }

    @Test
    void anIdleBucketFillsUpToTheBurstAndNoFurther() {
        RateLimiter cut = limiter(10, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, cut.acquire("ks"));
        }
        now.addAndGet(3600 * SECOND);
        int admitted = 0;
        while (cut.acquire("ks") == 0) {
            admitted++;
        }
        assertEquals(3, admitted, "an hour of idleness buys one burst, not 36,000 requests");
    }

    @Test
    void bucketsAreIndependent() {
        RateLimiter cut = limiter(1, 2, 100);
        assertEquals(0, cut.acquire("a"));
        assertEquals(0, cut.acquire("a"));
        assertTrue(cut.acquire("a") > 0);
        assertEquals(0, cut.acquire("b"), "another keystore is unaffected");
        assertEquals(0, cut.acquire("b"));
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertEquals(1, RateLimiter.seconds(1));
        assertEquals(1, RateLimiter.seconds(SECOND));
        assertEquals(2, RateLimiter.seconds(SECOND + 1));
        RateLimiter slow = limiter(1.0 / 60, 1, 10); // one a minute
        assertEquals(0, slow.acquire("ip"));
        assertEquals(60, RateLimiter.seconds(slow.acquire("ip")));
    }

    @Test
    void manyKeysCannotExhaustMemory() {
        RateLimiter cut = limiter(1, 1, 1000);
        for (int i = 0; i < 100_000; i++) {
            cut.acquire("keystore-" + i);
        }
        long tracked = cut.tracked();
        assertTrue(tracked <= 1000, tracked + " buckets held");
        System.out.println("RateLimiterTest: 100000 distinct keys, " + tracked + " buckets held (bound 1000)");
    }

    @Test
    void bucketsExpireOnceTheyAreFullAgainWithoutForgettingAnyDebt() {
        RateLimiter cut = limiter(1, 5, 1000);
        for (int i = 0; i < 5; i++) {
            cut.acquire("drained");
        }
        now.addAndGet(4 * SECOND);
        assertEquals(1, cut.tracked(), "a bucket still owed time is kept");
        cut.acquire("other");
        now.addAndGet(6 * SECOND);
        assertEquals(0, cut.tracked(), "buckets idle for burst/rate are full again and dropped");
    }

    @Test
    void concurrentCallersGetExactlyTheBurst() throws Exception {
        RateLimiter cut = limiter(1, 500, 100);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    if (cut.acquire("hot") == 0) {
                        admitted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(500, admitted.get(), "8 threads × 1000 attempts on a frozen clock");
        System.out.println("RateLimiterTest: 8000 concurrent attempts, " + admitted.get() + " admitted (burst 500)");
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> limiter(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> limiter(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> limiter(Double.NaN, 1, 1));
    }
}
