package org.eekms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/** A small webkms client for the tests: raw HTTP, so the tests see exactly what goes over the wire. */
public final class KmsClient {

    /** An answer: status and body (parsed when it is a JSON object). */
    public record Answer(int status, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String string(String field) {
            return json().getString(field);
        }

        public byte[] bytes(String field) {
            return Base64.getDecoder().decode(json().getString(field));
        }

        public String code() {
            return json().getString("code");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public KmsClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static JsonObjectBuilder json() {
        return Json.createObjectBuilder();
    }

    public String createKeystore() {
        Answer answer = post(base + "/v1/keystores", "{\"controller\":\"did:example:alice\",\"edv\":null}");
        expect(200, answer);
        return answer.string("key_store_url");
    }

    public Answer createKey(String keystoreUrl, String keyType) {
        return post(keystoreUrl + "/keys", json().add("key_type", keyType).build().toString());
    }

    public String createKeyUrl(String keystoreUrl, String keyType) {
        Answer answer = createKey(keystoreUrl, keyType);
        expect(200, answer);
        return answer.string("key_url");
    }

    public Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Answer delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    public Answer post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Like TrustBloc's client: PUT without a Content-Type. */
    public Answer put(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request carrying a Shamir lock's credentials: {@code Auth-User} and one {@code Secret-Share} (each optional). */
    public Answer withCredentials(String url, String method, String body, String subject, String share) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (subject != null) {
            request.header("Auth-User", subject);
        }
        if (share != null) {
            request.header("Secret-Share", share);
        }
        return send(request);
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    public String base() {
        return base;
    }
}
