package org.eekms.secretlock.boundary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal AWS KMS on 127.0.0.1 for the master lock's round trip through the real SDK: {@code Encrypt} keeps the
 * plaintext and its encryption context under a random handle, {@code Decrypt} gives it back for the same context.
 * (The crypto module's tests cover the protocol and its errors in depth.)
 */
final class LoopbackAwsKms implements AutoCloseable {

    private static final Pattern FIELD = Pattern.compile("\"(KeyId|Plaintext|CiphertextBlob)\":\"([^\"]*)\"");
    private static final Pattern CONTEXT = Pattern.compile("\"EncryptionContext\":(\\{[^}]*\\})");

    private final String keyArn;
    private final HttpServer server;
    private final Map<String, String[]> sealed = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    LoopbackAwsKms(String keyArn) throws IOException {
        this.keyArn = keyArn;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new ConcurrentHashMap<>();
            Matcher field = FIELD.matcher(body);
            while (field.find()) {
                fields.put(field.group(1), field.group(2));
            }
            Matcher contextMatch = CONTEXT.matcher(body);
            String context = contextMatch.find() ? contextMatch.group(1) : "";
            if (exchange.getRequestHeaders().getFirst("Authorization") == null
                    || !keyArn.equals(fields.get("KeyId"))) {
                send(exchange, 400, "{\"__type\":\"AccessDeniedException\",\"message\":\"denied\"}");
            } else if ("TrentService.Encrypt".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                String handle = java.util.Base64.getEncoder().encodeToString(
                        UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
                sealed.put(handle, new String[] {context, fields.get("Plaintext")});
                send(exchange, 200, "{\"CiphertextBlob\":\"" + handle + "\",\"KeyId\":\"" + keyArn + "\"}");
            } else {
                String[] entry = sealed.get(fields.getOrDefault("CiphertextBlob", ""));
                if (entry == null || !entry[0].equals(context)) {
                    send(exchange, 400, "{\"__type\":\"InvalidCiphertextException\",\"message\":\"no\"}");
                } else {
                    send(exchange, 200, "{\"Plaintext\":\"" + entry[1] + "\",\"KeyId\":\"" + keyArn + "\"}");
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
