package org.eekms.keystore.boundary;

import java.util.Optional;

/** A new key: its id and, for asymmetric keys, its public key in the type's export format. */
public record CreatedKey(String keyId, Optional<byte[]> publicKey) {
}
