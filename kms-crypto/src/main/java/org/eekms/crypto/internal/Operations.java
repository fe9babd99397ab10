package org.eekms.crypto.internal;

import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.SignaturePublicKey;
import org.eekms.crypto.KeyOperations;
import org.eekms.crypto.KeyType;
import org.eekms.problem.InvalidRequestException;

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
            case KEY_AGREEMENT -> new KeyAgreementOperations(type, handle);
            case MULTI_MESSAGE_SIGNATURE -> new BbsOperations(handle);
        };
    }

    /** Whether the keyset holds only public keys (an imported public key): it verifies but cannot sign. */
    public static boolean verifyOnly(KeysetHandle handle) {
        Key primary = handle.getPrimary().getKey();
        return primary instanceof SignaturePublicKey || CurveKeys.isPublic(primary) || BbsKeys.isPublic(primary);
    }

    /** What sign answers for a verify-only key: 400, as for any operation the key cannot do. */
    static InvalidRequestException verifyOnly(KeyType type) {
        return new InvalidRequestException("unsupported_operation",
                "the " + type.wireName() + " key is verify-only (an imported public key) and cannot sign");
    }
}
