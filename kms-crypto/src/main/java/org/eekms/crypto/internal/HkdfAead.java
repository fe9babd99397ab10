package org.eekms.crypto.internal;

import com.google.crypto.tink.subtle.Hkdf;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;

/** AES-256-GCM under HKDF-SHA256(secret, no salt, info): the hash-based lock. */
public final class HkdfAead {

    /** Fewer bytes than this are not a secret worth deriving a 256-bit key from. */
    public static final int MIN_SECRET_LENGTH = 16;

    private HkdfAead() {
    }

    public static SecretAead create(SecretBytes secret, byte[] info) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("an HKDF secret has at least " + MIN_SECRET_LENGTH + " bytes");
        }
        return TinkKeysets.aes256GcmFromDerived(derive(secret, info));
    }

    /** HKDF-SHA256 (RFC 5869) with an empty salt (so HashLen zero bytes), 32 bytes of output. */
    static byte[] derive(SecretBytes secret, byte[] info) {
        byte[] ikm = secret.toByteArray();
        try {
            return Hkdf.computeHkdf("HMACSHA256", ikm, new byte[0], info, SecretAeads.AES256_KEY_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 is not available", e);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }
}
