package org.eekms.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the append-only audit trail, chained to the row before it by {@code previousHash}. Rows are only ever
 * inserted; nothing in the application updates or deletes them.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 512)
    private String actor;

    @Column(name = "keystore_id", length = 64)
    private String keystoreId;

    @Column(name = "key_id", length = 128)
    private String keyId;

    @Column(nullable = false, length = 128)
    private String operation;

    @Column(nullable = false, length = 64)
    private String outcome;

    @Column(name = "previous_hash", nullable = false)
    private byte[] previousHash;

    @Column(nullable = false)
    private byte[] hash;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(long seq, Instant occurredAt, String actor, String keystoreId, String keyId, String operation,
            String outcome, byte[] previousHash, byte[] hash) {
        this.seq = seq;
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = Objects.requireNonNull(actor);
        this.keystoreId = keystoreId;
        this.keyId = keyId;
        this.operation = Objects.requireNonNull(operation);
        this.outcome = Objects.requireNonNull(outcome);
        this.previousHash = previousHash.clone();
        this.hash = hash.clone();
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String keystoreId() {
        return keystoreId;
    }

    public String keyId() {
        return keyId;
    }

    public String operation() {
        return operation;
    }

    public String outcome() {
        return outcome;
    }

    public byte[] previousHash() {
        return previousHash.clone();
    }

    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditEvent other && seq == other.seq;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq);
    }

    @Override
    public String toString() {
        return "AuditEvent[" + seq + ", " + operation + ", " + outcome + "]";
    }
}
