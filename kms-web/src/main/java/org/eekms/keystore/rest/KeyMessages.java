package org.eekms.keystore.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/** The JSON bodies of the key lifecycle (webkms reference §3.3–§3.6, plus list). Binary fields are byte arrays. */
public final class KeyMessages {

    private KeyMessages() {
    }

    public record CreateKeyRequest(@JsonbProperty("key_type") String keyType, @JsonbProperty("attrs") List<String> attrs) {
    }

    /** {@code public_key} is {@code null} for symmetric keys, as Go encodes a nil byte slice. */
    public record CreateKeyResponse(
            @JsonbProperty("key_url") String keyUrl,
            @JsonbNillable @JsonbProperty("public_key") byte[] publicKey) {
    }

    /**
     * {@code key}: PKCS#8 DER for signature types, raw key bytes for AEAD and MAC types; or instead
     * {@code public_key} for a verify-only signature key, in the type's export format. Exactly one of the two.
     */
    public record ImportKeyRequest(
            @JsonbProperty("key") byte[] key,
            @JsonbProperty("key_type") String keyType,
            @JsonbProperty("key_id") String keyId,
            @JsonbProperty("public_key") byte[] publicKey) {
    }

    public record KeyUrlResponse(@JsonbProperty("key_url") String keyUrl) {
    }

    public record ExportKeyResponse(@JsonbProperty("public_key") byte[] publicKey, @JsonbProperty("key_type") String keyType) {
    }

    public record RotateKeyRequest(@JsonbProperty("key_type") String keyType, @JsonbProperty("attrs") List<String> attrs) {
    }

    public record KeyEntry(
            @JsonbProperty("key_url") String keyUrl,
            @JsonbProperty("key_type") String keyType,
            @JsonbProperty("created_at") Instant createdAt,
            @JsonbProperty("updated_at") Instant updatedAt) {
    }

    public record KeyList(@JsonbProperty("keys") List<KeyEntry> keys) {
    }
}
