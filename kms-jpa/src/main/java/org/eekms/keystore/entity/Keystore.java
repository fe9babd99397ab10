package org.eekms.keystore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A keystore: who controls it and how its keys are locked. The lock's secret part is only ever stored sealed (for
 * the {@code key} lock: the keystore's main key, encrypted by the server's master lock).
 */
@Entity
@Table(name = "keystore")
public class Keystore {

    @Id
    @Column(length = 32)
    private String id;

    @Column(nullable = false, length = 2048)
    private String controller;

    @Column(name = "lock_type", nullable = false, length = 32)
    private String lockType;

    /** Public parameters of the lock (JSON), shown in the keystore's metadata; never a secret. */
    @Column(name = "lock_parameters", length = 4096)
    private String lockParameters;

    @Column(name = "sealed_lock_key")
    private byte[] sealedLockKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The authenticated subject the keystore is bound to, or null when it was made without authentication. */
    @Column(length = 512)
    private String owner;

    protected Keystore() {
        // for JPA
    }

    public Keystore(String id, String controller, String lockType, String lockParameters, byte[] sealedLockKey,
            Instant createdAt) {
        this(id, controller, lockType, lockParameters, sealedLockKey, createdAt, null);
    }

    public Keystore(String id, String controller, String lockType, String lockParameters, byte[] sealedLockKey,
            Instant createdAt, String owner) {
        this.owner = owner;
        this.id = Objects.requireNonNull(id);
        this.controller = Objects.requireNonNull(controller);
        this.lockType = Objects.requireNonNull(lockType);
        this.lockParameters = lockParameters;
        this.sealedLockKey = sealedLockKey == null ? null : sealedLockKey.clone();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The lock's secret sealed anew (a remote lock re-wrapped under the authorization key's newest version). */
    public void relocked(byte[] newSealedLockKey) {
        this.sealedLockKey = newSealedLockKey.clone();
    }

    public String id() {
        return id;
    }

    public String controller() {
        return controller;
    }

    public String owner() {
        return owner;
    }

    public String lockType() {
        return lockType;
    }

    public String lockParameters() {
        return lockParameters;
    }

    public byte[] sealedLockKey() {
        return sealedLockKey == null ? null : sealedLockKey.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Keystore other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Keystore[" + id + ", lock " + lockType + "]";
    }
}
