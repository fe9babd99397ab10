package org.eekms.crypto.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of AWS KMS's JSON protocol (1.1) for {@code Encrypt} and {@code Decrypt}, on 127.0.0.1, for the real
 * SDK to talk to. Ciphertexts are random handles to what was encrypted, with its key and encryption context, so a
 * decrypt with another context or key fails as KMS would. It can also answer every request with an AWS error, or not
 * at all.
 */
final class FakeAwsKms implements AutoCloseable {

    static final String JSON_1_1 = "application/x-amz-json-1.1";

    /** What the SDK sent, for the tests to check. */
    record Request(String target, String contentType, String authorization, String amzDate, JsonObject body) {
    }

    private record Encrypted(String keyId, Map<String, String> context, byte[] plaintext) {
    }

    private final String keyArn;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Encrypted> ciphertexts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final SecureRandom random = new SecureRandom();
    private volatile int errorStatus;
    private volatile String errorType;
    private volatile boolean silent;

    private FakeAwsKms(String keyArn) throws IOException {
        this.keyArn = keyArn;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeAwsKms start(String keyArn) throws IOException {
        return new FakeAwsKms(keyArn);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return requests;
    }

    /** Every request from now on gets this AWS error. */
    void failWith(int status, String type) {
        errorType = type;
        errorStatus = status;
    }

    /** Every request from now on is read and never answered (until {@link #close()}). */
    void answerNothing() {
        silent = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonObject body;
            try (InputStream in = exchange.getRequestBody(); JsonReader reader = Json.createReader(in)) {
                body = reader.readObject();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            requests.add(new Request(target, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Date"), body));
            if (silent) {
                awaitClose();
                return;
            }
            if (errorType != null) {
                error(exchange, errorStatus, errorType);
                return;
            }
            if (!JSON_1_1.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                error(exchange, 400, "SerializationException");
                return;
            }
            if ("TrentService.Encrypt".equals(target)) {
                encrypt(exchange, body);
            } else if ("TrentService.Decrypt".equals(target)) {
                decrypt(exchange, body);
            } else {
                error(exchange, 400, "UnknownOperationException");
            }
        }
    }

    private void encrypt(HttpExchange exchange, JsonObject body) throws IOException {
        if (!keyArn.equals(body.getString("KeyId", null))) {
            error(exchange, 400, "NotFoundException");
            return;
        }
        byte[] handle = new byte[48];
        random.nextBytes(handle);
        String ciphertext = Base64.getEncoder().encodeToString(handle);
        ciphertexts.put(ciphertext, new Encrypted(keyArn, context(body),
                Base64.getDecoder().decode(body.getString("Plaintext"))));
        answer(exchange, Json.createObjectBuilder()
                .add("CiphertextBlob", ciphertext)
                .add("KeyId", keyArn)
                .add("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .build());
    }

    private void decrypt(HttpExchange exchange, JsonObject body) throws IOException {
        Encrypted encrypted = ciphertexts.get(body.getString("CiphertextBlob", ""));
        if (encrypted == null || !encrypted.context().equals(context(body))) {
            error(exchange, 400, "InvalidCiphertextException");
            return;
        }
        String keyId = body.getString("KeyId", null);
        if (keyId != null && !keyId.equals(encrypted.keyId())) {
            error(exchange, 400, "IncorrectKeyException");
            return;
        }
        answer(exchange, Json.createObjectBuilder()
                .add("Plaintext", Base64.getEncoder().encodeToString(encrypted.plaintext()))
                .add("KeyId", encrypted.keyId())
                .add("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .build());
    }

    private static Map<String, String> context(JsonObject body) {
        Map<String, String> context = new TreeMap<>();
        JsonObject given = body.getJsonObject("EncryptionContext");
        if (given != null) {
            for (Map.Entry<String, JsonValue> entry : given.entrySet()) {
                context.put(entry.getKey(), ((JsonString) entry.getValue()).getString());
            }
        }
        return context;
    }

    private static void error(HttpExchange exchange, int status, String type) throws IOException {
        send(exchange, status, Json.createObjectBuilder()
                .add("__type", type)
                .add("message", "the fake AWS KMS says " + type)
                .build());
    }

    private static void answer(HttpExchange exchange, JsonObject body) throws IOException {
        send(exchange, 200, body);
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON_1_1);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-" + System.nanoTime());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitClose() {
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
