package org.eekms.secretlock.control;

import java.util.List;
import org.eekms.crypto.SecretBytes;

/**
 * What a request brings to open a keystore lock: the subject it acts for ({@code Auth-User}), the secret shares it
 * carries ({@code Secret-Share}) and a keystore secret ({@code Keystore-Secret}, or null). Locks that need none of
 * them ignore them.
 */
public record LockCredentials(String subject, List<SecretBytes> shares, SecretBytes secret) {

    public static final LockCredentials NONE = new LockCredentials(null, List.of(), null);

    public LockCredentials {
        shares = List.copyOf(shares);
    }

    public LockCredentials(String subject, List<SecretBytes> shares) {
        this(subject, shares, null);
    }

    /** Clears every secret the request brought; called when the request ends. */
    public void destroy() {
        shares.forEach(SecretBytes::destroy);
        if (secret != null) {
            secret.destroy();
        }
    }

    @Override
    public String toString() {
        return "LockCredentials[subject=" + subject + ", " + shares.size() + " shares"
                + (secret == null ? "" : ", a keystore secret") + "]";
    }
}
