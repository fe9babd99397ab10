package org.eekms.keystore.control;

import java.util.Optional;
import org.eekms.crypto.KeyOperations;

/** A key ready for use: what the cache holds, so a hot operation needs no database read, unwrap or parse. */
public record OpenKey(String keysetId, KeyOperations operations, Optional<byte[]> publicKey) {

    @Override
    public String toString() {
        return "OpenKey[" + keysetId + ", " + operations.type().wireName() + "]";
    }
}
