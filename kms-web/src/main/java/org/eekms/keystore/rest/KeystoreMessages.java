package org.eekms.keystore.rest;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/** The JSON bodies of the keystore resource (webkms reference §3.2 and our metadata). */
public final class KeystoreMessages {

    private KeystoreMessages() {
    }

    /** {@code edv} and any other field TrustBloc clients send are accepted and ignored. */
    public record CreateKeystoreRequest(
            @JsonbProperty("controller") String controller,
            @JsonbProperty("secret_lock") SecretLock secretLock) {
    }

    public record SecretLock(
            @JsonbProperty("type") String type,
            @JsonbProperty("threshold") Integer threshold,
            @JsonbProperty("key_url") String keyUrl) {
    }

    /**
     * {@code capability}, in {@code zcap} mode only: the root capability, gzipped then standard base64 (how Go
     * encodes the {@code []byte} field TrustBloc's clients decode it into).
     */
    public record CreateKeystoreResponse(
            @JsonbProperty("key_store_url") String keyStoreUrl,
            @JsonbProperty("capability") String capability) {
    }

    public record KeystoreMetadata(
            @JsonbProperty("id") String id,
            @JsonbProperty("key_store_url") String keyStoreUrl,
            @JsonbProperty("controller") String controller,
            @JsonbProperty("secret_lock") JsonObject secretLock,
            @JsonbProperty("created_at") Instant createdAt,
            @JsonbProperty("owner") String owner) {
    }

    public record KeystoreList(@JsonbProperty("keystores") java.util.List<KeystoreMetadata> keystores) {
    }
}
