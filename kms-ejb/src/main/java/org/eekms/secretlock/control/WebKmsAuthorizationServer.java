package org.eekms.secretlock.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.NotFoundException;
import org.eekms.problem.UnavailableException;

/**
 * The {@code remote} lock's calls to the authorization server: the JDK HTTP client with a connect timeout
 * ({@code KMS_REMOTE_LOCK_CONNECT_TIMEOUT}, default 5 s) and a deadline on the whole exchange
 * ({@code KMS_REMOTE_LOCK_TIMEOUT}, default 10 s), an optional trust store for TLS, at most
 * {@code KMS_REMOTE_LOCK_MAX_CONCURRENCY} calls in flight (default 64; more fail at once, see {@link Bulkhead}), and
 * no retries (encrypt is not idempotent). A refusal there is the same 4xx here; a server that is down, slow, busy or
 * failing is a 503.
 */
@ApplicationScoped
public class WebKmsAuthorizationServer implements AuthorizationServer {

    private static final Logger LOG = Logger.getLogger(WebKmsAuthorizationServer.class.getName());
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private HttpClient http;
    private ExecutorService executor;
    private Bulkhead bulkhead;
    private Duration timeout;

    protected WebKmsAuthorizationServer() {
        // for CDI proxies
    }

    @Inject
    public WebKmsAuthorizationServer(
            @ConfigProperty(name = "kms.remote-lock.timeout", defaultValue = "10s") Duration timeout,
            @ConfigProperty(name = "kms.remote-lock.connect-timeout", defaultValue = "5s") Duration connectTimeout,
            @ConfigProperty(name = "kms.remote-lock.max-concurrency", defaultValue = "64") int maxConcurrency,
            @ConfigProperty(name = "kms.remote-lock.truststore") Optional<String> trustStore,
            @ConfigProperty(name = "kms.remote-lock.truststore-password") Optional<String> trustStorePassword) {
        this.timeout = positive(timeout, "KMS_REMOTE_LOCK_TIMEOUT");
        this.bulkhead = new Bulkhead("the authorization server", maxConcurrency);
        this.executor = Executors.newFixedThreadPool(Math.min(maxConcurrency, 16));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(positive(connectTimeout, "KMS_REMOTE_LOCK_CONNECT_TIMEOUT"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
        trustStore.filter(path -> !path.isBlank()).ifPresent(path ->
                builder.sslContext(sslContext(Path.of(path), trustStorePassword.orElse(""))));
        this.http = builder.build();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    @Override
    public Sealed encrypt(String keyUrl, byte[] plaintext, byte[] associatedData, LockCredentials credentials) {
        JsonObject answer = call(keyUrl + "/encrypt", Json.createObjectBuilder()
                .add("message", BASE64.encodeToString(plaintext))
                .add("associated_data", BASE64.encodeToString(associatedData)), credentials);
        return new Sealed(bytes(answer, "ciphertext"), bytes(answer, "nonce"));
    }

    @Override
    public byte[] decrypt(String keyUrl, Sealed sealed, byte[] associatedData, LockCredentials credentials) {
        JsonObject answer = call(keyUrl + "/decrypt", Json.createObjectBuilder()
                .add("ciphertext", BASE64.encodeToString(sealed.ciphertext()))
                .add("nonce", BASE64.encodeToString(sealed.nonce()))
                .add("associated_data", BASE64.encodeToString(associatedData)), credentials);
        return bytes(answer, "plaintext");
    }

    private JsonObject call(String url, JsonObjectBuilder body, LockCredentials credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()));
        if (credentials.subject() != null) {
            request.header("Auth-User", credentials.subject());
        }
        for (SecretBytes share : credentials.shares()) {
            byte[] bytes = share.toByteArray();
            request.header("Secret-Share", BASE64.encodeToString(bytes));
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        if (credentials.authorization() != null) {
            request.header("Authorization", credentials.authorization());
        }
        HttpResponse<String> response = bulkhead.send(http, request.build(), HttpResponse.BodyHandlers.ofString(),
                timeout);
        if (response.statusCode() == 200) {
            return Json.createReader(new StringReader(response.body())).readObject();
        }
        throw refusal(response);
    }

    /** The calls in flight now. */
    public int inFlight() {
        return bulkhead.inFlight();
    }

    static Duration positive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalStateException(name + " must be a positive duration such as 10s");
        }
        return duration;
    }

    /** The authorization server's own refusal, passed on with its status and message. */
    private static RuntimeException refusal(HttpResponse<String> response) {
        String message = "authorization server: " + message(response.body());
        return switch (response.statusCode()) {
            case 400 -> new InvalidRequestException("remote_refused", message);
            case 401 -> AccessDeniedException.unauthenticated(message);
            case 403 -> AccessDeniedException.forbidden(message);
            case 404 -> NotFoundException.remote(message);
            default -> {
                LOG.warning(() -> "authorization server answered " + response.statusCode());
                yield new UnavailableException("the authorization server failed (status " + response.statusCode()
                        + ")");
            }
        };
    }

    private static String message(String body) {
        try {
            String text = Json.createReader(new StringReader(body)).readObject().getString("message");
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        } catch (RuntimeException e) {
            return "request refused";
        }
    }

    private static byte[] bytes(JsonObject answer, String field) {
        try {
            return Base64.getDecoder().decode(((JsonString) answer.get(field)).getString());
        } catch (RuntimeException e) {
            throw new UnavailableException("the authorization server answered without " + field);
        }
    }

    private static SSLContext sslContext(Path trustStore, String password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("KMS_REMOTE_LOCK_TRUSTSTORE: cannot load the trust store " + trustStore, e);
        }
    }
}
