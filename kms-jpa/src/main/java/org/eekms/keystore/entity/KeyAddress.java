package org.eekms.keystore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** A key id within a keystore: what a key URL names. Key ids are unique per keystore, not across keystores. */
@Embeddable
public class KeyAddress implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "keystore_id", length = 32)
    private String keystoreId;

    @Column(name = "key_id", length = 128)
    private String keyId;

    protected KeyAddress() {
        // for JPA
    }

    public KeyAddress(String keystoreId, String keyId) {
        this.keystoreId = Objects.requireNonNull(keystoreId);
        this.keyId = Objects.requireNonNull(keyId);
    }

    public String keystoreId() {
        return keystoreId;
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyAddress other && keystoreId.equals(other.keystoreId) && keyId.equals(other.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keystoreId, keyId);
    }

    @Override
    public String toString() {
        return keystoreId + "/" + keyId;
    }
}
