package org.eekms.crypto.internal;

import com.google.crypto.tink.KeysetHandle;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;

/** Builds the primitives of a keyset by the family of its key type. */
public final class Operations {

    private Operations() {
    }

    public static KeyOperations of(KeyType type, KeysetHandle handle) {
        return switch (type.family()) {
            case AEAD -> new AeadOperations(type, handle);
            case MAC -> new MacOperations(type, handle);
            case SIGNATURE -> type == KeyType.ED25519
                    ? new Ed25519Operations(handle)
                    : new EcdsaOperations(type, handle);
        };
    }
}
