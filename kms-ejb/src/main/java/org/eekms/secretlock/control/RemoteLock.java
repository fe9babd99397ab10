package org.eekms.secretlock.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.config.Caches;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.InvalidRequestException;

/**
 * The {@code remote} lock of the Operations Key Server: the keystore's random 256-bit primary key is stored only as
 * a ciphertext made by an AES key on the Authorization Key Server ({@code key_url}), with this keystore's URL as
 * associated data. Unlocking asks that server to decrypt, forwarding the caller's credentials, so it decides who may
 * use the keystore. The opened key is kept for {@code KMS_REMOTE_LOCK_CACHE_TTL} (0: never, so every call asks),
 * and callers whose credentials opened it are recognised by fingerprint in that time.
 */
@ApplicationScoped
public class RemoteLock implements KeystoreLock {

    public static final String TYPE = "remote";

    private AuthorizationServer server;
    private List<String> allowedServers;
    private Admissions admissions;
    private Cache<String, SecretAead> opened;
    private boolean caching;

    protected RemoteLock() {
        // for CDI proxies
    }

    @Inject
    public RemoteLock(AuthorizationServer server,
            @ConfigProperty(name = "kms.remote-lock.cache-ttl", defaultValue = "10m") Duration ttl,
            @ConfigProperty(name = "kms.remote-lock.cache-size", defaultValue = "10000") long size,
            @ConfigProperty(name = "kms.remote-lock.allowed-servers") Optional<String> allowedServers) {
        this.server = server;
        // callers' credentials are forwarded to key_url: an operator can restrict where (comma-separated URL prefixes)
        this.allowedServers = allowedServers.filter(value -> !value.isBlank())
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList())
                .orElse(List.of());
        this.caching = !ttl.isZero();
        this.admissions = new Admissions(ttl);
        this.opened = Caches.bounded(size, ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SealedLock create(String keystoreId, LockSpec spec, LockCredentials credentials) {
        String keyUrl = keyUrl(spec.keyUrl());
        if (!allowedServers.isEmpty() && allowedServers.stream().noneMatch(keyUrl::startsWith)) {
            throw new InvalidRequestException("secret_lock.key_url is not on an authorization server this server "
                    + "is configured to use (KMS_REMOTE_LOCK_ALLOWED_SERVERS)");
        }
        if (spec.keystoreUrlPrefix() == null) {
            throw new IllegalStateException("the remote lock needs this keystore's URL");
        }
        String associatedData = spec.keystoreUrlPrefix() + keystoreId;
        JsonObject parameters = Json.createObjectBuilder()
                .add("key_url", keyUrl)
                .add("associated_data", associatedData)
                .build();
        SecretBytes primary = SecretBytes.random(SecretAeads.AES256_KEY_LENGTH);
        try {
            SealedLock sealed = new SealedLock(TYPE, parameters.toString(), seal(keyUrl, primary, associatedData,
                    credentials));
            remember(keystoreId, primary, credentials);
            return sealed;
        } finally {
            primary.destroy();
        }
    }

    @Override
    public SecretAead unlock(String keystoreId, SealedLock lock, LockCredentials credentials) {
        SecretAead cached = opened.getIfPresent(keystoreId);
        if (cached != null && admissions.admitted(keystoreId, credentials)) {
            return cached;
        }
        SecretBytes primary = open(lock, credentials);
        try {
            return remember(keystoreId, primary, credentials);
        } finally {
            primary.destroy();
        }
    }

    @Override
    public void admit(String keystoreId, SealedLock lock, LockCredentials credentials) {
        if (!caching || !admissions.admitted(keystoreId, credentials)) {
            unlock(keystoreId, lock, credentials);
        }
    }

    /** Seals the primary key again under the authorization key's current primary version (after its rotation). */
    @Override
    public SealedLock rewrap(String keystoreId, SealedLock lock, LockCredentials credentials) {
        JsonObject parameters = parameters(lock);
        SecretBytes primary = open(lock, credentials);
        try {
            return new SealedLock(TYPE, lock.publicParameters(), seal(parameters.getString("key_url"), primary,
                    parameters.getString("associated_data"), credentials));
        } finally {
            primary.destroy();
        }
    }

    private byte[] seal(String keyUrl, SecretBytes primary, String associatedData, LockCredentials credentials) {
        byte[] plain = primary.toByteArray();
        try {
            AuthorizationServer.Sealed sealed = server.encrypt(keyUrl, plain,
                    associatedData.getBytes(StandardCharsets.UTF_8), credentials);
            // stored as nonce length ‖ nonce ‖ ciphertext
            byte[] out = new byte[1 + sealed.nonce().length + sealed.ciphertext().length];
            out[0] = (byte) sealed.nonce().length;
            System.arraycopy(sealed.nonce(), 0, out, 1, sealed.nonce().length);
            System.arraycopy(sealed.ciphertext(), 0, out, 1 + sealed.nonce().length, sealed.ciphertext().length);
            return out;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private SecretBytes open(SealedLock lock, LockCredentials credentials) {
        JsonObject parameters = parameters(lock);
        byte[] stored = lock.sealedSecret();
        int nonceLength = stored[0] & 0xff;
        AuthorizationServer.Sealed sealed = new AuthorizationServer.Sealed(
                Arrays.copyOfRange(stored, 1 + nonceLength, stored.length), Arrays.copyOfRange(stored, 1, 1 + nonceLength));
        byte[] plain = server.decrypt(parameters.getString("key_url"), sealed,
                parameters.getString("associated_data").getBytes(StandardCharsets.UTF_8), credentials);
        try {
            if (plain.length != SecretAeads.AES256_KEY_LENGTH) {
                throw new IllegalStateException("the authorization server returned no 256-bit key");
            }
            return SecretBytes.copyOf(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private SecretAead remember(String keystoreId, SecretBytes primary, LockCredentials credentials) {
        SecretAead aead = SecretAeads.aes256Gcm(primary);
        if (caching) {
            opened.put(keystoreId, aead);
        }
        admissions.remember(keystoreId, credentials);
        return aead;
    }

    private static JsonObject parameters(SealedLock lock) {
        return Json.createReader(new StringReader(lock.publicParameters())).readObject();
    }

    private static String keyUrl(String keyUrl) {
        if (keyUrl == null || keyUrl.isBlank()) {
            throw new InvalidRequestException("a remote secret_lock needs key_url, the URL of an AES key on the "
                    + "authorization server");
        }
        try {
            URI uri = URI.create(keyUrl);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("secret_lock.key_url must be an http or https key URL");
        }
        return keyUrl.endsWith("/") ? keyUrl.substring(0, keyUrl.length() - 1) : keyUrl;
    }
}
