package org.eekms.keystore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key id whose keyset was rotated or deleted at a time: what other nodes of a cluster evict from their caches. */
@Entity
@Table(name = "key_change")
@NamedQuery(name = KeyChange.SINCE, query = "SELECT c FROM KeyChange c WHERE c.changedAt > :since ORDER BY c.id")
@NamedQuery(name = KeyChange.PRUNE, query = "DELETE FROM KeyChange c WHERE c.changedAt < :before")
public class KeyChange {

    public static final String SINCE = "KeyChange.since";
    public static final String PRUNE = "KeyChange.prune";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "keystore_id", nullable = false, length = 32)
    private String keystoreId;

    @Column(name = "key_id", nullable = false, length = 128)
    private String keyId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected KeyChange() {
        // for JPA
    }

    public KeyChange(KeyAddress address, Instant changedAt) {
        this.keystoreId = address.keystoreId();
        this.keyId = address.keyId();
        this.changedAt = changedAt;
    }

    public long id() {
        return id;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public KeyAddress address() {
        return new KeyAddress(keystoreId, keyId);
    }
}
