package org.eekms.shareholder.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A subject's Shamir share held for Authorization Key Servers, stored only sealed by the master lock. */
@Entity
@Table(name = "held_share")
public class HeldShare {

    @Id
    @Column(length = 512)
    private String subject;

    @Column(name = "sealed_share", nullable = false)
    private byte[] sealedShare;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected HeldShare() {
        // for JPA
    }

    public HeldShare(String subject, byte[] sealedShare, Instant createdAt) {
        this.subject = Objects.requireNonNull(subject);
        this.sealedShare = sealedShare.clone();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The share sealed anew, under a new master lock. */
    public void resealed(byte[] newSealedShare) {
        this.sealedShare = newSealedShare.clone();
    }

    public String subject() {
        return subject;
    }

    public byte[] sealedShare() {
        return sealedShare.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldShare other && subject.equals(other.subject);
    }

    @Override
    public int hashCode() {
        return subject.hashCode();
    }

    @Override
    public String toString() {
        return "HeldShare[" + subject + "]";
    }
}
