package org.eekms.it;

import static org.eekms.it.HostileJson.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eekms.it.HostileJson.Kind;
import org.eekms.it.KmsClient.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input on every POST and PUT route: generated bodies (see {@link HostileJson}) on keys of every family, so
 * that most operations also meet a key of the wrong type; plus, on each route, 10,000-level nesting, a million-digit
 * number, a body over the size limit, and on batch routes one item more than allowed. Every answer must be a 4xx with
 * a JSON error or a 2xx of the route's shape, without a Java class name or stack frame, within {@link #PATIENCE}.
 * The seed ({@code -Dkms.fuzz.seed}, default 9) and the inputs per route ({@code -Dkms.fuzz.inputs}) replay a run.
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {

    private static final long SEED = Long.getLong("kms.fuzz.seed", 9);
    private static final int INPUTS_PER_ROUTE = Integer.getInteger("kms.fuzz.inputs", 40);
    private static final int THREADS = Integer.getInteger("kms.fuzz.threads", 3);
    /** Far above any honest answer on a loaded machine; what it catches is a request that never ends. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_BODY_SIZE = 2 * 1024 * 1024;
    private static final int MAX_BATCH_ITEMS = 1000;
    private static final Pattern LEAK = Pattern.compile("Exception|\\bat org\\.|\\bat java\\.|java\\.|jakarta\\.|"
            + "org\\.eekms|\\.java:\\d");
    private static final List<String> KEY_TYPES = List.of("ED25519", "ECDSAP256DER", "ECDSASecp256k1IEEEP1363",
            "AES256GCM", "XChaCha20Poly1305", "HMACSHA256Tag256", "NISTP256ECDHKW", "X25519ECDHKW", "BLS12381G2");

    /** A route: method, URL template ({@code {ks}} a keystore URL, {@code {key}} one of its keys), request shape. */
    record Route(String method, String template, Map<String, Kind> fields, boolean batch, int success,
            String answerFields) {

        static Route post(String template, Map<String, Kind> fields, String answerFields) {
            return new Route("POST", template, fields, false, 200, answerFields);
        }

        static Route batch(String operation, Map<String, Kind> item) {
            return new Route("POST", "{key}/batch/" + operation, item, true, 200, "results");
        }
    }

    private static final Map<String, Kind> WRAP = fields("cek", Kind.BYTES, "apu", Kind.BYTES, "apv", Kind.BYTES,
            "recipient_pub_key", Kind.PUBLIC_KEY, "tag", Kind.BYTES, "payload", Kind.BYTES, "nonce", Kind.BYTES,
            "their_pub", Kind.BYTES);
    private static final Map<String, Kind> UNWRAP = fields("wrapped_key", Kind.WRAPPED_KEY, "sender_pub_key",
            Kind.PUBLIC_KEY, "tag", Kind.BYTES, "ciphertext", Kind.BYTES, "nonce", Kind.BYTES, "their_pub", Kind.BYTES,
            "my_pub", Kind.BYTES);
    private static final Map<String, Kind> OPEN = fields("ciphertext", Kind.BYTES, "nonce", Kind.BYTES,
            "their_pub", Kind.BYTES, "my_pub", Kind.BYTES);
    private static final Map<String, Kind> SIGN = fields("message", Kind.BYTES);
    private static final Map<String, Kind> VERIFY = fields("signature", Kind.BYTES, "message", Kind.BYTES);
    private static final Map<String, Kind> ENCRYPT = fields("message", Kind.BYTES, "associated_data", Kind.BYTES);
    private static final Map<String, Kind> DECRYPT = fields("ciphertext", Kind.BYTES, "associated_data", Kind.BYTES,
            "nonce", Kind.BYTES);
    private static final Map<String, Kind> MAC = fields("data", Kind.BYTES);
    private static final Map<String, Kind> VERIFY_MAC = fields("mac", Kind.BYTES, "data", Kind.BYTES);
    private static final Map<String, Kind> SIGN_MULTI = fields("messages", Kind.BYTES_LIST);
    private static final Map<String, Kind> VERIFY_MULTI = fields("signature", Kind.BYTES, "messages", Kind.BYTES_LIST);

    private static final List<Route> ROUTES = List.of(
            Route.post("/v1/keystores", fields("controller", Kind.TEXT, "secret_lock", Kind.SECRET_LOCK),
                    "key_store_url"),
            Route.post("{ks}/keys", fields("key_type", Kind.KEY_TYPE, "attrs", Kind.TEXT_LIST), "key_url"),
            new Route("PUT", "{ks}/keys", fields("key", Kind.BYTES, "key_type", Kind.KEY_TYPE, "key_id", Kind.TEXT,
                    "public_key", Kind.BYTES), false, 200, "key_url"),
            Route.post("{ks}/rewrap", fields(), ""),
            Route.post("{ks}/wrap", WRAP, "encryptedcek"),
            Route.post("{ks}/easyopen", OPEN, "plaintext"),
            Route.post("{ks}/sealopen", OPEN, "plaintext"),
            Route.post("{key}/rotate", fields("key_type", Kind.KEY_TYPE, "attrs", Kind.TEXT_LIST), "key_url"),
            Route.post("{key}/sign", SIGN, "signature"),
            Route.post("{key}/verify", VERIFY, ""),
            Route.post("{key}/encrypt", ENCRYPT, "ciphertext nonce"),
            Route.post("{key}/decrypt", DECRYPT, "plaintext"),
            Route.post("{key}/computemac", MAC, "mac"),
            Route.post("{key}/verifymac", VERIFY_MAC, ""),
            Route.post("{key}/signmulti", SIGN_MULTI, "signature"),
            Route.post("{key}/verifymulti", VERIFY_MULTI, ""),
            Route.post("{key}/deriveproof", fields("messages", Kind.BYTES_LIST, "signature", Kind.BYTES,
                    "nonce", Kind.BYTES, "revealed_indexes", Kind.NUMBER_LIST), "proof"),
            Route.post("{key}/verifyproof", fields("proof", Kind.BYTES, "messages", Kind.BYTES_LIST,
                    "nonce", Kind.BYTES), ""),
            Route.post("{key}/wrap", WRAP, "encryptedcek|ciphertext"),
            Route.post("{key}/unwrap", UNWRAP, "key|plaintext"),
            Route.post("{key}/easy", fields("payload", Kind.BYTES, "nonce", Kind.BYTES, "their_pub", Kind.BYTES),
                    "ciphertext"),
            Route.batch("sign", SIGN),
            Route.batch("verify", VERIFY),
            Route.batch("encrypt", ENCRYPT),
            Route.batch("decrypt", DECRYPT),
            Route.batch("computemac", MAC),
            Route.batch("verifymac", VERIFY_MAC),
            Route.batch("signmulti", SIGN_MULTI),
            Route.batch("verifymulti", VERIFY_MULTI),
            Route.post("/secret", fields("secret", Kind.BYTES), ""),
            new Route("POST", "/v1/admin/master-lock/rewrap", fields(), false, 202, "phase"));

    @Deployment(testable = false)
    static Archive<?> deployment() {
        return Deployments.kms();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> statuses = new ConcurrentSkipListMap<>();
    private final AtomicInteger inputs = new AtomicInteger();
    private final AtomicLong slowestMillis = new AtomicLong();

    @Test
    void everyRouteAnswersHostileInputWithAJsonClientErrorOrAProperAnswer() throws Exception {
        KmsClient kms = new KmsClient(base.toString());
        String keystore = kms.createKeystore();
        List<String> keys = new ArrayList<>();
        List<byte[]> knownBytes = new ArrayList<>();
        for (String type : KEY_TYPES) {
            Answer created = KmsClient.expect(200, kms.createKey(keystore, type));
            keys.add(created.string("key_url"));
            if (!created.json().isNull("public_key")) {
                knownBytes.add(created.bytes("public_key"));
            }
        }
        System.out.println("FuzzIT: seed " + SEED + ", " + INPUTS_PER_ROUTE + " generated inputs per route");
        long started = System.nanoTime();
        // routes run side by side, each from its own seeded Random, so a run replays whatever the interleaving
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> routes = new ArrayList<>();
        for (int r = 0; r < ROUTES.size(); r++) {
            Route route = ROUTES.get(r);
            Random random = new Random(SEED * 1_000 + r);
            routes.add(pool.submit(() -> {
                fuzz(route, random, keystore, keys, knownBytes);
                return null;
            }));
        }
        for (Future<?> route : routes) {
            route.get();
        }
        pool.shutdown();
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        long serverErrors = statuses.entrySet().stream().filter(s -> s.getKey().startsWith("5"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.println("FuzzIT: answers by status " + statuses + " in " + seconds + " s, slowest "
                + slowestMillis.get() + " ms");
        System.out.println("FuzzIT: " + inputs + " inputs tried over " + ROUTES.size() + " routes, " + serverErrors
                + " server errors");
        stillServes(kms, keys.get(0));
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, the first:\n" + String.join("\n",
                failures.subList(0, Math.min(20, failures.size()))));
    }

    private void fuzz(Route route, Random random, String keystore, List<String> keys, List<byte[]> knownBytes)
            throws IOException {
        HostileJson generator = new HostileJson(random, knownBytes);
        int count = route.fields().isEmpty() ? Math.min(10, INPUTS_PER_ROUTE) : INPUTS_PER_ROUTE;
        for (int i = 0; i < count; i++) {
            byte[] body = route.batch() ? generator.batch(route.fields()) : generator.body(route.fields());
            send(route, url(route, keystore, keys, random), body, random);
        }
        edgeCases(route, url(route, keystore, keys, random));
        System.out.println("FuzzIT: " + route.method() + " " + route.template() + " done, " + inputs
                + " inputs so far, " + failures.size() + " bad answers");
    }

    /** What every route must survive, whatever the generator drew. */
    private void edgeCases(Route route, String url) throws IOException {
        String field = route.fields().isEmpty() ? "x" : route.fields().keySet().iterator().next();
        String deep = "{\"" + field + "\":" + HostileJson.nested(10_000, true) + "}";
        String digits = "{\"" + field + "\":" + "9".repeat(1_000_000) + "}";
        if (route.batch()) {
            deep = "{\"items\":[" + deep + "]}";
            digits = "{\"items\":[" + digits + "]}";
        }
        expectClientError(route, url, deep.getBytes(StandardCharsets.UTF_8), 400);
        expectClientError(route, url, digits.getBytes(StandardCharsets.UTF_8), 400);
        if (route.batch()) {
            String item = "{}";
            String items = "{\"items\":[" + (item + ",").repeat(MAX_BATCH_ITEMS) + item + "]}";
            expectClientError(route, url, items.getBytes(StandardCharsets.UTF_8), 400);
        }
        expectTooLarge(route, url, false);
        if (route.template().equals("{key}/sign") || route.template().equals("/v1/keystores")) {
            expectTooLarge(route, url, true);
        }
    }

    private void expectClientError(Route route, String url, byte[] body, int status) {
        Answer answer = send(route, url, body, null);
        if (answer != null && answer.status() != status) {
            fail(route, body, answer, "expected " + status);
        }
    }

    private Answer send(Route route, String url, byte[] body, Random random) {
        inputs.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE)
                .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        if (random == null || random.nextInt(4) > 0) {
            request.header("Content-Type", random == null || random.nextBoolean() ? "application/json"
                    : random.nextBoolean() ? "text/plain" : "application/json; charset=ISO-8859-1");
        }
        long started = System.nanoTime();
        // the whole exchange is bounded, not only the wait for the headers (HttpClient's own timeout): an answer
        // whose body never ends is a hang too
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = exchange.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
            Answer answer = new Answer(response.statusCode(), response.body());
            statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
            check(route, body, answer);
            return answer;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            fail(route, body, new Answer(0, ""), "no complete answer within " + PATIENCE);
        } catch (ExecutionException e) {
            fail(route, body, new Answer(0, String.valueOf(e.getCause())), "connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return null;
    }

    private void check(Route route, byte[] body, Answer answer) {
        if (LEAK.matcher(answer.body()).find()) {
            fail(route, body, answer, "internal detail in the answer");
        } else if (answer.status() >= 400 && answer.status() < 500) {
            if (!isErrorBody(answer.body())) {
                fail(route, body, answer, "client error without a JSON error body");
            }
        } else if (answer.status() == route.success()) {
            if (!hasShape(answer.body(), route.answerFields())) {
                fail(route, body, answer, "success without the fields " + route.answerFields());
            }
        } else {
            fail(route, body, answer, "neither a client error nor a success");
        }
    }

    private static boolean isErrorBody(String body) {
        try {
            JsonObject error = Json.createReader(new java.io.StringReader(body)).readObject();
            return error.get("errMessage") instanceof jakarta.json.JsonString
                    && error.get("code") instanceof jakarta.json.JsonString;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Verify-type answers are empty; the others a JSON object with all fields of one {@code |} alternative. */
    private static boolean hasShape(String body, String answerFields) {
        if (answerFields.isEmpty()) {
            return body.isEmpty();
        }
        try {
            JsonObject answer = Json.createReader(new java.io.StringReader(body)).readObject();
            for (String alternative : answerFields.split("\\|")) {
                if (List.of(alternative.split(" ")).stream().allMatch(answer::containsKey)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Over the size limit, with a declared length or chunked: 413 with the JSON error, over a raw socket. */
    private void expectTooLarge(Route route, String url, boolean chunked) throws IOException {
        inputs.incrementAndGet();
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            String head = route.method() + " " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + (MAX_BODY_SIZE + 1) + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> writeOversizeBody(out, chunked));
            writer.setDaemon(true);
            writer.start();
            String answer = readAnswer(socket.getInputStream());
            String status = answer.length() >= 12 ? answer.substring(9, 12) : "none";
            statuses.merge(status, 1, Integer::sum);
            int bodyStart = answer.indexOf("\r\n\r\n");
            String answerBody = bodyStart < 0 ? "" : answer.substring(bodyStart + 4);
            if (!status.equals("413") || !answerBody.contains("\"code\":\"body_too_large\"")
                    || !answerBody.contains("errMessage")) {
                fail(route, ("(" + (chunked ? "chunked" : "declared") + " body over the limit)").getBytes(
                        StandardCharsets.UTF_8), new Answer(0, answer), "expected 413 with a JSON error");
            }
        }
    }

    private static void writeOversizeBody(OutputStream out, boolean chunked) {
        byte[] chunk = ("{\"message\":\"" + "A".repeat(64 * 1024 - 12)).getBytes(StandardCharsets.US_ASCII);
        try {
            for (int sent = 0; sent <= MAX_BODY_SIZE + chunk.length; sent += chunk.length) {
                if (chunked) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(chunk);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                if (!chunked) {
                    return; // the declared length alone must be refused; the server need not read any of it
                }
            }
        } catch (IOException e) {
            // the server answered and closed without reading the rest, as it should
        }
    }

    /** The status line, headers and body of one answer (the server closes the connection after a 413). */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            int head = answer.indexOf("\r\n\r\n");
            if (head >= 0 && answer.indexOf("}", head) >= 0) {
                break;
            }
        }
        return answer.toString();
    }

    /** After all that, the server still answers and its keys still work. */
    private static void stillServes(KmsClient kms, String ed25519Key) {
        assertEquals(200, kms.get(kms.base() + "/healthcheck").status());
        byte[] message = "still here".getBytes(StandardCharsets.UTF_8);
        Answer signed = KmsClient.expect(200, kms.post(ed25519Key + "/sign", "{\"message\":\""
                + Base64.getEncoder().encodeToString(message) + "\"}"));
        KmsClient.expect(200, kms.post(ed25519Key + "/verify", Json.createObjectBuilder()
                .add("signature", signed.string("signature"))
                .add("message", Base64.getEncoder().encodeToString(message)).build().toString()));
    }

    private String url(Route route, String keystore, List<String> keys, Random random) {
        String template = route.template();
        if (template.startsWith("{ks}")) {
            return keystore + template.substring(4);
        }
        if (template.startsWith("{key}")) {
            return keys.get(random.nextInt(keys.size())) + template.substring(5);
        }
        return base.toString().replaceAll("/$", "") + template;
    }

    private void fail(Route route, byte[] body, Answer answer, String why) {
        String sent = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        String got = answer.body().length() > 500 ? answer.body().substring(0, 500) + "…" : answer.body();
        failures.add(route.method() + " " + route.template() + ": " + why + "; sent " + body.length + " bytes <"
                + sent + "> got " + answer.status() + " <" + got + ">");
    }
}
