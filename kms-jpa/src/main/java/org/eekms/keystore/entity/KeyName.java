package org.eekms.keystore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A key id under which a keyset answers; a rotated keyset keeps answering under its earlier ids. */
@Entity
@Table(name = "key_name")
@NamedQuery(name = KeyName.OF_KEYSET, query = "select n from KeyName n where n.keysetId = :keysetId")
public class KeyName {

    public static final String OF_KEYSET = "KeyName.ofKeyset";

    @EmbeddedId
    private KeyAddress address;

    @Column(name = "keyset_id", nullable = false, length = 36)
    private String keysetId;

    protected KeyName() {
        // for JPA
    }

    public KeyName(KeyAddress address, String keysetId) {
        this.address = Objects.requireNonNull(address);
        this.keysetId = Objects.requireNonNull(keysetId);
    }

    public KeyAddress address() {
        return address;
    }

    public String keysetId() {
        return keysetId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyName other && address.equals(other.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return "KeyName[" + address + "]";
    }
}
