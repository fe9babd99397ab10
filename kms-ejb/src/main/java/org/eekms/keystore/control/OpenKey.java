package org.eekms.keystore.control;

import java.util.Optional;
import org.eekms.crypto.KeyOperations;
import org.eekms.secretlock.control.SealedLock;

/**
 * A key ready for use: what the cache holds, so a hot operation needs no database read, unwrap or parse. It keeps
 * its keystore's lock and owner so that every use can still check the caller against them.
 */
public record OpenKey(String keysetId, KeyOperations operations, Optional<byte[]> publicKey, SealedLock lock,
        String owner) {

    @Override
    public String toString() {
        return "OpenKey[" + keysetId + ", " + operations.type().wireName() + "]";
    }
}
