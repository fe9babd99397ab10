package org.eekms.secretlock.control;

import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eekms.problem.UnavailableException;

/**
 * Bounds the calls to one outside dependency (the authorization server, the Auth server, AWS KMS): at most
 * {@code maxConcurrency} in flight, and a request that finds them all taken fails at once with a 503 instead of
 * waiting. So a dependency that hangs holds at most that many of the server's worker threads, each for at most its
 * timeout, and requests that do not need it keep being served.
 */
public final class Bulkhead {

    private static final Logger LOG = Logger.getLogger(Bulkhead.class.getName());

    private final String dependency;
    private final int maxConcurrency;
    private final Semaphore permits;

    /** @param dependency what the 503's message names, such as "the authorization server" */
    public Bulkhead(String dependency, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("the concurrency bound of calls to " + dependency
                    + " must be at least 1");
        }
        this.dependency = dependency;
        this.maxConcurrency = maxConcurrency;
        this.permits = new Semaphore(maxConcurrency);
    }

    public <T> T call(Supplier<T> call) {
        if (!permits.tryAcquire()) {
            throw busy();
        }
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    /**
     * One HTTP exchange, bounded as a whole by {@code deadline}: the JDK client's request timeout covers the wait
     * for the response headers only, so a dependency that sends its body slowly is cut off here, and the exchange
     * cancelled.
     *
     * @throws UnavailableException when the dependency is unreachable, too slow, or busy with our other calls
     */
    public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body,
            Duration deadline) {
        return call(() -> {
            CompletableFuture<HttpResponse<T>> exchange = client.sendAsync(request, body);
            try {
                return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                exchange.cancel(true);
                throw slow(deadline);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof HttpTimeoutException
                        && !(e.getCause() instanceof HttpConnectTimeoutException)) {
                    throw slow(deadline);
                }
                LOG.warning(() -> dependency + ": call failed: " + e.getCause().getClass().getSimpleName());
                throw new UnavailableException(capitalized() + " is unreachable");
            } catch (InterruptedException e) {
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                throw new UnavailableException(capitalized() + " did not answer");
            }
        });
    }

    /** The calls in flight now. */
    public int inFlight() {
        return maxConcurrency - permits.availablePermits();
    }

    private UnavailableException busy() {
        // FINE: during an outage every refused request would otherwise write a line
        LOG.fine(() -> dependency + ": " + maxConcurrency + " calls in flight, refusing more");
        return new UnavailableException("too many calls to " + dependency + " are in flight (" + maxConcurrency
                + "); try again later");
    }

    private UnavailableException slow(Duration deadline) {
        LOG.warning(() -> dependency + ": no answer within " + deadline.toMillis() + " ms");
        return new UnavailableException(capitalized() + " did not answer within " + deadline.toMillis() + " ms");
    }

    private String capitalized() {
        return Character.toUpperCase(dependency.charAt(0)) + dependency.substring(1);
    }
}
