package org.eekms.health.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimedCheckTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void upWhenTheProbeFindsNothingDownWithWhatItFound() {
        TimedCheck check = new TimedCheck("db", Duration.ofSeconds(1), Duration.ZERO);
        assertEquals(HealthCheckResponse.Status.UP, check.run(executor, () -> null).getStatus());
        HealthCheckResponse down = check.run(executor, () -> "no connection");
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertEquals("no connection", down.getData().orElseThrow().get("problem"));
        HealthCheckResponse thrown = check.run(executor, () -> {
            throw new IllegalStateException("secret detail");
        });
        assertEquals("IllegalStateException", thrown.getData().orElseThrow().get("problem"));
    }

    @Test
    void aHangingProbeIsDownAtTheDeadline() {
        TimedCheck check = new TimedCheck("db", Duration.ofMillis(200), Duration.ZERO);
        long start = System.nanoTime();
        HealthCheckResponse down = check.run(executor, () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
    }

    @Test
    void aRecentAnswerIsReused() {
        AtomicInteger probes = new AtomicInteger();
        TimedCheck check = new TimedCheck("lock", Duration.ofSeconds(1), Duration.ofMinutes(1));
        check.run(executor, () -> {
            probes.incrementAndGet();
            return null;
        });
        check.run(executor, () -> {
            probes.incrementAndGet();
            return "would be down";
        });
        assertEquals(1, probes.get());
    }
}
