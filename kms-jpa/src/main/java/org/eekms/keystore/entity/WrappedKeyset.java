package org.eekms.keystore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One key with all its versions, stored only as a sealed keyset (encrypted under a fresh data key, itself encrypted
 * by the keystore's lock). It is addressed through {@link KeyName}s: the key id it was created under and the key id
 * of every primary a rotation gave it.
 */
@Entity
@Table(name = "wrapped_keyset")
@NamedQuery(name = WrappedKeyset.IN_KEYSTORE,
        query = "select k from WrappedKeyset k where k.keystoreId = :keystoreId order by k.createdAt, k.id")
public class WrappedKeyset {

    public static final String IN_KEYSTORE = "WrappedKeyset.inKeystore";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "keystore_id", nullable = false, length = 32)
    private String keystoreId;

    @Column(name = "key_type", nullable = false, length = 64)
    private String keyType;

    @Column(name = "primary_key_id", nullable = false, length = 128)
    private String primaryKeyId;

    @Column(name = "sealed_keyset", nullable = false)
    private byte[] sealedKeyset;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected WrappedKeyset() {
        // for JPA
    }

    public WrappedKeyset(String id, String keystoreId, String keyType, String primaryKeyId, byte[] sealedKeyset,
            Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.keystoreId = Objects.requireNonNull(keystoreId);
        this.keyType = Objects.requireNonNull(keyType);
        this.primaryKeyId = Objects.requireNonNull(primaryKeyId);
        this.sealedKeyset = sealedKeyset.clone();
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = createdAt;
    }

    /** A rotation: the keyset gained a primary, addressed from now on by {@code newPrimaryKeyId}. */
    public void rotated(String newPrimaryKeyId, byte[] newSealedKeyset, Instant at) {
        this.primaryKeyId = Objects.requireNonNull(newPrimaryKeyId);
        this.sealedKeyset = newSealedKeyset.clone();
        this.updatedAt = Objects.requireNonNull(at);
    }

    public String id() {
        return id;
    }

    public String keystoreId() {
        return keystoreId;
    }

    public String keyType() {
        return keyType;
    }

    public String primaryKeyId() {
        return primaryKeyId;
    }

    public byte[] sealedKeyset() {
        return sealedKeyset.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKeyset other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "WrappedKeyset[" + id + ", " + keyType + "]";
    }
}
