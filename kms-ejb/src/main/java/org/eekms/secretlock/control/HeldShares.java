package org.eekms.secretlock.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.config.Caches;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.UnavailableException;
import org.eekms.shareholder.boundary.ShareHolder;

/**
 * The share of a subject held outside the request: fetched from the Auth server
 * ({@code GET {KMS_AUTH_SERVER_URL}/secret?sub=…} with {@code Bearer base64(KMS_AUTH_SERVER_TOKEN)}), or read from
 * this server's own share holder when it runs one and no Auth server is configured. Cached per subject for
 * {@code KMS_SHAMIR_SECRET_CACHE_TTL} (0: never); a failed fetch is never cached. Calls to the Auth server have a
 * connect timeout ({@code KMS_AUTH_SERVER_CONNECT_TIMEOUT}, default 5 s), a deadline on the whole exchange
 * ({@code KMS_AUTH_SERVER_TIMEOUT}, default 10 s) and at most {@code KMS_AUTH_SERVER_MAX_CONCURRENCY} in flight
 * (default 64; more fail at once with 503), its health check included.
 */
@ApplicationScoped
public class HeldShares {

    private static final Logger LOG = Logger.getLogger(HeldShares.class.getName());

    private Optional<URI> authServer;
    private Optional<String> authServerToken;
    private Duration timeout;
    private ShareHolder localHolder;
    private boolean localHolderEnabled;
    private Cache<String, SecretBytes> bySubject;
    private boolean caching;
    private HttpClient http;
    private Bulkhead bulkhead;

    protected HeldShares() {
        // for CDI proxies
    }

    @Inject
    public HeldShares(@ConfigProperty(name = "kms.auth-server.url") Optional<String> authServerUrl,
            @ConfigProperty(name = "kms.auth-server.token") Optional<String> authServerToken,
            @ConfigProperty(name = "kms.auth-server.timeout", defaultValue = "10s") Duration timeout,
            @ConfigProperty(name = "kms.auth-server.connect-timeout", defaultValue = "5s") Duration connectTimeout,
            @ConfigProperty(name = "kms.auth-server.max-concurrency", defaultValue = "64") int maxConcurrency,
            @ConfigProperty(name = "kms.shamir-secret-cache.ttl", defaultValue = "10m") Duration ttl,
            @ConfigProperty(name = "kms.share-holder.enable", defaultValue = "false") boolean localHolderEnabled,
            ShareHolder localHolder) {
        this.authServer = authServerUrl.filter(url -> !url.isBlank()).map(url -> URI.create(
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
        this.authServerToken = authServerToken;
        this.timeout = WebKmsAuthorizationServer.positive(timeout, "KMS_AUTH_SERVER_TIMEOUT");
        this.bulkhead = new Bulkhead("the Auth server holding the second share", maxConcurrency);
        this.localHolder = localHolder;
        this.localHolderEnabled = localHolderEnabled;
        this.caching = !ttl.isZero();
        this.bySubject = Caches.bounded(100_000, ttl);
        this.http = HttpClient.newBuilder()
                .connectTimeout(WebKmsAuthorizationServer.positive(connectTimeout, "KMS_AUTH_SERVER_CONNECT_TIMEOUT"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Whether shares can be had at all: from an Auth server, or from this server's share holder. */
    public boolean available() {
        // read from configuration, not from the EJB: this is asked while the containers are still starting
        return authServer.isPresent() || localHolderEnabled;
    }

    /** Whether shares come from an Auth server over HTTP (rather than from this server's share holder). */
    public boolean remote() {
        return authServer.isPresent();
    }

    /** Null when the Auth server answers its {@code /healthcheck} with 200; otherwise what is wrong. */
    public String authServerProblem() {
        if (authServer.isEmpty()) {
            return null;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(authServer.get() + "/healthcheck")).timeout(timeout)
                .GET().build();
        try {
            int status = bulkhead.send(http, request, HttpResponse.BodyHandlers.discarding(), timeout).statusCode();
            return status == 200 ? null : "answered " + status;
        } catch (UnavailableException e) {
            return e.getMessage();
        }
    }

    /** The held share of the subject; 403 for a subject the holder does not know, 503 when it cannot be reached. */
    public SecretBytes of(String subject) {
        return caching ? bySubject.get(subject, this::fetch) : fetch(subject);
    }

    private SecretBytes fetch(String subject) {
        if (authServer.isEmpty()) {
            return localHolder.held(subject).orElseThrow(HeldShares::unknownSubject);
        }
        URI uri = URI.create(authServer.get() + "/secret?sub=" + URLEncoder.encode(subject, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        authServerToken.ifPresent(token -> request.header("Authorization",
                "Bearer " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> response = bulkhead.send(http, request.build(), HttpResponse.BodyHandlers.ofString(),
                timeout);
        return switch (response.statusCode()) {
            case 200 -> parse(response.body());
            case 400, 404 -> throw unknownSubject();
            default -> {
                LOG.warning(() -> "Auth server " + authServer.get() + " answered " + response.statusCode());
                throw new UnavailableException("the Auth server holding the second share refused this KMS");
            }
        };
    }

    private static SecretBytes parse(String body) {
        byte[] share = null;
        try {
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            share = Base64.getDecoder().decode(((JsonString) json.get("secret")).getString());
            return SecretBytes.copyOf(share);
        } catch (RuntimeException e) {
            throw new UnavailableException("the Auth server answered without a share");
        } finally {
            if (share != null) {
                Arrays.fill(share, (byte) 0);
            }
        }
    }

    private static AccessDeniedException unknownSubject() {
        return AccessDeniedException.forbidden("the secrets presented do not open this keystore");
    }
}
