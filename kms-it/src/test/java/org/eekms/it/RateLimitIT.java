package org.eekms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eekms.it.LoopbackHttp.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The resource limits on the embedded server, configured low: a keystore's rate limit leaves other keystores alone, a
 * caller's leaves other callers alone (callers are client addresses here: each test speaks from its own 127.0.0.x),
 * keystore creation is limited per address and capped in total, the limiters' memory stays bounded under many
 * addresses and random keystore ids, and an authorization server that hangs costs the {@code remote} lock's callers
 * a timely 503 while keys under other locks keep answering. Refill rates are so slow (one token in 100 s) that the
 * counts do not depend on the machine's speed. The tests run in order: they share the server's keystore cap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    private static final int KEYSTORE_BURST = 100;
    private static final int CALLER_BURST = 200;
    private static final int CREATION_BURST = 3;
    private static final int KEYSTORES_MAX = 9;
    private static final int MAX_TRACKED = 50;
    private static final int REMOTE_CONCURRENCY = 2;
    private static final String MESSAGE = "{\"message\":\"aGVsbG8=\"}";

    private EmbeddedServer server;
    private LoopbackHttp http;
    private HttpServer authorizationServer;
    private final ExecutorService stubThreads = Executors.newCachedThreadPool();
    private final AtomicBoolean hang = new AtomicBoolean();
    private final AtomicInteger hanging = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private int keystoresCreated;

    @BeforeAll
    void start() throws Exception {
        authorizationServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        authorizationServer.setExecutor(stubThreads);
        authorizationServer.createContext("/", this::authorize);
        authorizationServer.start();
        Path data = Path.of(System.getProperty("kms.it.data"), "rate-limit-" + System.nanoTime());
        server = EmbeddedServer.start(data, "limits", Map.ofEntries(
                Map.entry("kms.rate-limit.keystore.per-second", "0.01"),
                Map.entry("kms.rate-limit.keystore.burst", String.valueOf(KEYSTORE_BURST)),
                Map.entry("kms.rate-limit.caller.per-second", "0.01"),
                Map.entry("kms.rate-limit.caller.burst", String.valueOf(CALLER_BURST)),
                Map.entry("kms.rate-limit.keystore-creation.per-minute", "1"),
                Map.entry("kms.rate-limit.keystore-creation.burst", String.valueOf(CREATION_BURST)),
                Map.entry("kms.keystores.max", String.valueOf(KEYSTORES_MAX)),
                Map.entry("kms.rate-limit.max-tracked", String.valueOf(MAX_TRACKED)),
                Map.entry("kms.remote-lock.cache-ttl", "0"),
                Map.entry("kms.remote-lock.timeout", "5s"),
                Map.entry("kms.remote-lock.max-concurrency", String.valueOf(REMOTE_CONCURRENCY))));
        http = new LoopbackHttp(server.port());
    }

    @AfterAll
    void stop() throws InterruptedException {
        release.countDown();
        if (server != null) {
            server.close();
        }
        authorizationServer.stop(0);
        stubThreads.shutdownNow();
    }

    @Test
    @Order(1)
    void aBusyKeystoreIsRefusedWith429WhileAnotherIsServed() throws Exception {
        String a = createKeystore("127.0.0.1");
        String b = createKeystore("127.0.0.1");
        int admitted = 0;
        Reply refused;
        while ((refused = http.get("127.0.0.1", a)).status() == 200) {
            admitted++;
            assertTrue(admitted <= KEYSTORE_BURST + 1, "the keystore limit never refused");
        }
        assertRateLimited(refused, "keystore", 100);
        assertTrue(admitted >= KEYSTORE_BURST, admitted + " admitted");
        assertEquals(200, http.get("127.0.0.1", b).status(), "another keystore is unaffected");
        assertEquals(429, http.get("127.0.0.9", a).status(), "a keystore's limit holds whoever asks");
        System.out.println("RateLimitIT: keystore limit: " + admitted + " requests admitted, then 429 with Retry-After "
                + refused.header("Retry-After") + " s; the other keystore answered 200");
    }

    @Test
    @Order(2)
    void aBusyCallerIsRefusedWhileAnotherCallerIsServed() throws Exception {
        int admitted = 0;
        Reply refused;
        while ((refused = http.get("127.0.0.2", "/v1/keystores?max=1")).status() == 200) {
            admitted++;
            assertTrue(admitted <= CALLER_BURST + 1, "the caller limit never refused");
        }
        assertRateLimited(refused, "caller", 100);
        assertTrue(admitted >= CALLER_BURST, admitted + " admitted");
        assertEquals(200, http.get("127.0.0.3", "/v1/keystores?max=1").status(), "another caller is unaffected");
        System.out.println("RateLimitIT: caller limit: " + admitted + " requests from 127.0.0.2 admitted, then 429; "
                + "127.0.0.3 answered 200");
    }

    @Test
    @Order(3)
    void anAuthorizationServerThatHangsCostsItsCallersA503AndNobodyElseAnything() throws Exception {
        String from = "127.0.0.8";
        String keyUrl = "http://127.0.0.1:" + authorizationServer.getAddress().getPort() + "/v1/keystores/x/keys/y";
        String remote = path(expect200(http.post(from, "/v1/keystores", "{\"controller\":\"did:example:ops\","
                + "\"secret_lock\":{\"type\":\"remote\",\"key_url\":\"" + keyUrl + "\"}}")).getString("key_store_url"));
        keystoresCreated++;
        String remoteKey = path(expect200(http.post(from, remote + "/keys", "{\"key_type\":\"ED25519\"}"))
                .getString("key_url"));
        String localKey = path(expect200(http.post(from, createKeystore(from) + "/keys", "{\"key_type\":\"ED25519\"}"))
                .getString("key_url"));
        expect200(http.post(from, remoteKey + "/sign", MESSAGE));

        hang.set(true);
        int calls = 30;
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        try {
            List<Future<Reply>> remoteSigns = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                remoteSigns.add(callers.submit(() -> http.post(from, remoteKey + "/sign", MESSAGE)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (hanging.get() < REMOTE_CONCURRENCY && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(REMOTE_CONCURRENCY, hanging.get(), "calls held by the hanging authorization server");
            int localSigns = 20;
            for (int i = 0; i < localSigns; i++) {
                expect200(http.post(from, localKey + "/sign", MESSAGE));
            }
            long timedOutBeforeLocalDone = remoteSigns.stream().filter(Future::isDone).filter(f -> timedOut(f)).count();
            assertEquals(0, timedOutBeforeLocalDone, "local keys answered while the remote calls were still held");

            int timedOut = 0;
            int refused = 0;
            for (Future<Reply> sign : remoteSigns) {
                Reply reply = sign.get(120, TimeUnit.SECONDS);
                assertEquals(503, reply.status(), reply.body());
                assertEquals("dependency_unavailable", reply.json().getString("code"));
                String message = reply.json().getString("errMessage");
                if (message.startsWith("too many calls to the authorization server")) {
                    refused++;
                } else {
                    assertEquals("The authorization server did not answer within 5000 ms", message);
                    timedOut++;
                }
            }
            assertEquals(calls, timedOut + refused);
            assertTrue(timedOut >= REMOTE_CONCURRENCY && refused > 0, timedOut + " timed out, " + refused + " refused");
            assertTrue(hanging.get() <= timedOut, "refused calls never reached the authorization server");

            hang.set(false);
            release.countDown();
            expect200(http.post(from, remoteKey + "/sign", MESSAGE));
            System.out.println("RateLimitIT: hanging authorization server: " + calls + " remote-lock signs gave 503 ("
                    + timedOut + " after the 5 s deadline, " + refused + " at once past the bound of "
                    + REMOTE_CONCURRENCY + "); " + localSigns + " local-key signs answered 200 meanwhile");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void keystoreCreationIsLimitedPerAddress() throws Exception {
        for (int i = 0; i < CREATION_BURST; i++) {
            createKeystore("127.0.0.4");
        }
        Reply refused = http.post("127.0.0.4", "/v1/keystores", "{\"controller\":\"did:example:c\"}");
        assertRateLimited(refused, "keystore creation", 60);
        createKeystore("127.0.0.5");
        System.out.println("RateLimitIT: keystore creation: " + CREATION_BURST + " from 127.0.0.4, then 429 with "
                + "Retry-After " + refused.header("Retry-After") + " s; 127.0.0.5 created one");
    }

    @Test
    @Order(5)
    void theKeystoreCapAnswers507() throws Exception {
        while (keystoresCreated < KEYSTORES_MAX) {
            createKeystore("127.0.0.6");
        }
        Reply full = http.post("127.0.0.6", "/v1/keystores", "{\"controller\":\"did:example:c\"}");
        assertEquals(507, full.status(), full.body());
        assertEquals("keystore_limit_reached", full.json().getString("code"));
        assertEquals(null, full.header("Retry-After"), "waiting does not help");
        assertEquals(KEYSTORES_MAX, http.get("127.0.0.7", "/v1/keystores?max=1000").json()
                .getJsonArray("keystores").size());
        System.out.println("RateLimitIT: keystore cap: " + KEYSTORES_MAX + " keystores, the next creation 507");
    }

    @Test
    @Order(6)
    void manyAddressesAndRandomKeystoreIdsDoNotGrowTheLimiters() throws Exception {
        int addresses = 300;
        int requests = 0;
        for (int i = 0; i < addresses; i++) {
            String from = "127.0." + (1 + i / 250) + "." + (1 + i % 250);
            for (int j = 0; j < 2; j++) {
                Reply reply = http.get(from, "/v1/keystores/" + UUID.randomUUID());
                assertEquals(404, reply.status(), reply.body());
                requests++;
            }
        }
        Reply scrape = http.get("127.0.0.7", "/v1/admin/metrics");
        assertEquals(200, scrape.status(), scrape.body());
        String metrics = scrape.body();
        long keystores = tracked(metrics, "keystore");
        long callers = tracked(metrics, "caller");
        assertTrue(keystores <= MAX_TRACKED, keystores + " keystore buckets");
        assertTrue(callers <= MAX_TRACKED, callers + " caller buckets");
        System.out.println("RateLimitIT: " + requests + " requests from " + addresses + " addresses to " + requests
                + " random keystore ids: " + keystores + " keystore and " + callers + " caller buckets held (bound "
                + MAX_TRACKED + ")");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        JsonObject request = Json.createReader(exchange.getRequestBody()).readObject();
        if (hang.get() && exchange.getRequestURI().getPath().endsWith("/decrypt")) {
            hanging.incrementAndGet();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // an identity "encryption": this test is about time, not about the authorization server's crypto
        String answer = exchange.getRequestURI().getPath().endsWith("/encrypt")
                ? Json.createObjectBuilder().add("ciphertext", request.getString("message"))
                        .add("nonce", Base64.getEncoder().encodeToString(new byte[12])).build().toString()
                : Json.createObjectBuilder().add("plaintext", request.getString("ciphertext")).build().toString();
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException gone) {
            // the KMS gave up waiting, as it should
        }
    }

    private String createKeystore(String from) throws IOException {
        String url = expect200(http.post(from, "/v1/keystores", "{\"controller\":\"did:example:c\"}"))
                .getString("key_store_url");
        keystoresCreated++;
        return path(url);
    }

    private static JsonObject expect200(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static boolean timedOut(Future<Reply> reply) {
        try {
            return reply.get().body().contains("did not answer");
        } catch (Exception e) {
            return false;
        }
    }

    private static void assertRateLimited(Reply reply, String scope, long maxWait) {
        assertEquals(429, reply.status(), reply.body());
        assertEquals("rate_limited", reply.json().getString("code"));
        assertTrue(reply.json().getString("errMessage").contains("(" + scope + " rate limit)"),
                reply.json().getString("errMessage"));
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        String retryAfter = reply.header("Retry-After");
        assertNotNull(retryAfter, "429 without Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= maxWait, retryAfter);
    }

    private static long tracked(String metrics, String scope) {
        Matcher value = Pattern.compile("kms_rate_limit_tracked\\{scope=\"" + scope + "\",?\\} ([0-9.]+)")
                .matcher(metrics);
        assertTrue(value.find(), "no kms_rate_limit_tracked for " + scope + " in:\n" + metrics);
        return (long) Double.parseDouble(value.group(1));
    }
}
