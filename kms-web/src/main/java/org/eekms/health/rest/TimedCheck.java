package org.eekms.health.rest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Runs a probe of a dependency with a deadline, so that a dependency that hangs (a database whose pool waits a
 * minute for a connection, a remote lock behind a black hole) makes the check answer DOWN in time instead of making
 * the orchestrator's probe time out. The result is kept briefly, so frequent probes do not become load.
 */
final class TimedCheck {

    private final String name;
    private final Duration deadline;
    private final Duration reuse;
    private volatile Result last;

    private record Result(long at, HealthCheckResponse response) {
    }

    TimedCheck(String name, Duration deadline, Duration reuse) {
        this.name = name;
        this.deadline = deadline;
        this.reuse = reuse;
    }

    /** Built without the API's provider lookup, which only the server has. */
    static HealthCheckResponse up(String name, Map<String, Object> data) {
        return new HealthCheckResponse(name, HealthCheckResponse.Status.UP,
                data.isEmpty() ? Optional.empty() : Optional.of(data));
    }

    /** {@code probe} answers null when the dependency is fine, or what is wrong (never a secret). */
    HealthCheckResponse run(ExecutorService executor, Supplier<String> probe) {
        Result cached = last;
        long now = System.nanoTime();
        if (cached != null && now - cached.at() < reuse.toNanos()) {
            return cached.response();
        }
        String problem;
        CompletableFuture<String> future = CompletableFuture.supplyAsync(probe, executor);
        try {
            problem = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            problem = "no answer within " + deadline.toMillis() + " ms";
        } catch (ExecutionException e) {
            problem = e.getCause().getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        HealthCheckResponse response = problem == null ? up(name, Map.of())
                : new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("problem", problem)));
        last = new Result(now, response);
        return response;
    }
}
