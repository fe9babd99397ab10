package org.eekms.crypto;

import org.eekms.crypto.internal.TinkKeysets;

/** Makes the AES-256-GCM {@link SecretAead} that local key files and keystore main keys are. */
public final class SecretAeads {

    public static final int AES256_KEY_LENGTH = 32;

    private SecretAeads() {
    }

    public static SecretAead aes256Gcm(SecretBytes key) {
        return TinkKeysets.aes256Gcm(key);
    }
}
