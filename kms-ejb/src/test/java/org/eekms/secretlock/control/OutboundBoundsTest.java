package org.eekms.secretlock.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eekms.crypto.SecretAead;
import org.eekms.problem.UnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound calls against a real local HTTP server that answers, hangs until released, or trickles its body:
 * each call ends by its deadline, and calls beyond the concurrency bound fail at once. Only lower bounds of time are
 * asserted tightly (a deadline is never cut short); upper bounds are generous, so a loaded machine does not fail them.
 */
class OutboundBoundsTest {

    private static final AuthorizationServer.Sealed SEALED = new AuthorizationServer.Sealed(new byte[48], new byte[12]);
    private static final byte[] KEY = new byte[32];

    private HttpServer stub;
    private final ExecutorService stubThreads = Executors.newCachedThreadPool();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final AtomicReference<String> mode = new AtomicReference<>("answer");
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.setExecutor(stubThreads);
        stub.createContext("/", this::handle);
        stub.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        stub.stop(0);
        stubThreads.shutdownNow();
        callers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        try {
            switch (mode.get()) {
                case "hang" -> release.await(60, TimeUnit.SECONDS);
                case "trickle" -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream body = exchange.getResponseBody()) {
                        for (int i = 0; i < 600 && release.getCount() > 0; i++) {
                            body.write(' ');
                            body.flush();
                            Thread.sleep(100);
                        }
                    }
                    return;
                }
                default -> {
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String path = exchange.getRequestURI().getPath();
        String body = path.endsWith("/decrypt")
                ? "{\"plaintext\":\"" + Base64.getEncoder().encodeToString(KEY) + "\"}"
                : path.endsWith("/secret") ? "{\"secret\":\"AQID\"}" : "{}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException gone) {
            // the client gave up
        }
    }

    private String keyUrl() {
        return "http://127.0.0.1:" + stub.getAddress().getPort() + "/v1/keystores/a/keys/k";
    }

    private WebKmsAuthorizationServer authorizationServer(Duration timeout, int maxConcurrency) {
        return new WebKmsAuthorizationServer(timeout, Duration.ofSeconds(5), maxConcurrency, Optional.empty(),
                Optional.empty());
    }

    private byte[] decrypt(WebKmsAuthorizationServer server) {
        return server.decrypt(keyUrl(), SEALED, new byte[0], LockCredentials.NONE);
    }

    @Test
    void aNormalAnswerPasses() {
        assertArrayEquals(KEY, decrypt(authorizationServer(Duration.ofSeconds(10), 4)));
    }

    @Test
    void anAuthorizationServerThatHangsIsA503ByTheDeadline() {
        mode.set("hang");
        WebKmsAuthorizationServer server = authorizationServer(Duration.ofMillis(500), 4);
        long start = System.nanoTime();
        UnavailableException e = assertThrows(UnavailableException.class, () -> decrypt(server));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("The authorization server did not answer within 500 ms", e.getMessage());
        assertTrue(millis >= 500 && millis < 30_000, millis + " ms");
        assertEquals(0, server.inFlight(), "the permit is given back");
        System.out.println("OutboundBoundsTest: hanging authorization server answered 503 after " + millis + " ms");
    }

    @Test
    void aBodyTrickledSlowlyIsCutOffByTheSameDeadline() {
        mode.set("trickle");
        WebKmsAuthorizationServer server = authorizationServer(Duration.ofMillis(800), 4);
        long start = System.nanoTime();
        UnavailableException e = assertThrows(UnavailableException.class, () -> decrypt(server));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("The authorization server did not answer within 800 ms", e.getMessage());
        assertTrue(millis < 30_000, millis + " ms (the stub would trickle for 60 s)");
    }

    @Test
    void callsBeyondTheBoundFailAtOnceWhileTheOthersWait() throws Exception {
        mode.set("hang");
        WebKmsAuthorizationServer server = authorizationServer(Duration.ofSeconds(60), 3);
        List<Future<byte[]>> hanging = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hanging.add(callers.submit(() -> decrypt(server)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(3, received.get(), "three calls reached the stub");
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            UnavailableException e = assertThrows(UnavailableException.class, () -> decrypt(server));
            assertEquals("too many calls to the authorization server are in flight (3); try again later",
                    e.getMessage());
            refused++;
        }
        assertEquals(3, received.get(), "the refused calls never left this server");
        mode.set("answer");
        release.countDown();
        for (Future<byte[]> call : hanging) {
            assertArrayEquals(KEY, call.get(30, TimeUnit.SECONDS));
        }
        assertEquals(0, server.inFlight());
        assertArrayEquals(KEY, decrypt(server), "calls pass again once the dependency answers");
        System.out.println("OutboundBoundsTest: 3 calls held by a hanging authorization server, " + refused
                + " more refused at once");
    }

    private HeldShares heldShares(Duration timeout, int maxConcurrency) {
        return new HeldShares(Optional.of("http://127.0.0.1:" + stub.getAddress().getPort()), Optional.of("t"),
                timeout, Duration.ofSeconds(5), maxConcurrency, Duration.ZERO, false, null);
    }

    @Test
    void theAuthServerIsBoundedAlikeItsHealthCheckIncluded() throws Exception {
        assertArrayEquals(new byte[] {1, 2, 3}, heldShares(Duration.ofSeconds(10), 2).of("alice").toByteArray());
        mode.set("hang");
        HeldShares shares = heldShares(Duration.ofMillis(500), 1);
        UnavailableException slow = assertThrows(UnavailableException.class, () -> shares.of("alice"));
        assertEquals("The Auth server holding the second share did not answer within 500 ms", slow.getMessage());
        assertEquals("The Auth server holding the second share did not answer within 500 ms",
                shares.authServerProblem());

        HeldShares busy = heldShares(Duration.ofSeconds(60), 1);
        int before = received.get();
        Future<?> hanging = callers.submit(() -> busy.of("bob"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        UnavailableException refused = assertThrows(UnavailableException.class, () -> busy.of("carol"));
        assertTrue(refused.getMessage().startsWith("too many calls to the Auth server"), refused.getMessage());
        assertTrue(busy.authServerProblem().startsWith("too many calls"), "the health check does not pile up");
        mode.set("answer");
        release.countDown();
        hanging.get(30, TimeUnit.SECONDS);
    }

    @Test
    void awsKmsCallsAreBoundedToo() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch leave = new CountDownLatch(1);
        SecretAead hanging = new SecretAead() {
            @Override
            public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
                entered.countDown();
                try {
                    leave.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return plaintext;
            }

            @Override
            public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
                return ciphertext;
            }
        };
        BoundedAead bounded = new BoundedAead(hanging, new Bulkhead("AWS KMS", 2));
        Future<byte[]> first = callers.submit(() -> bounded.encrypt(new byte[1], new byte[0]));
        Future<byte[]> second = callers.submit(() -> bounded.encrypt(new byte[1], new byte[0]));
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        UnavailableException e = assertThrows(UnavailableException.class, () -> bounded.decrypt(new byte[1],
                new byte[0]));
        assertEquals("too many calls to AWS KMS are in flight (2); try again later", e.getMessage());
        leave.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertArrayEquals(new byte[1], bounded.decrypt(new byte[1], new byte[0]));
    }

    @Test
    void nonsenseBoundsStopTheDeployment() {
        assertThrows(IllegalStateException.class, () -> authorizationServer(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> authorizationServer(Duration.ofSeconds(1), 0));
    }
}
