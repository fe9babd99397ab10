package org.eekms.secretlock.control;

import java.util.List;
import org.eekms.crypto.SecretBytes;

/**
 * What a request brings to open a keystore lock: the subject it acts for ({@code Auth-User}) and the secret shares
 * it carries ({@code Secret-Share}). Locks that need neither ignore them.
 */
public record LockCredentials(String subject, List<SecretBytes> shares) {

    public static final LockCredentials NONE = new LockCredentials(null, List.of());

    public LockCredentials {
        shares = List.copyOf(shares);
    }

    @Override
    public String toString() {
        return "LockCredentials[subject=" + subject + ", " + shares.size() + " shares]";
    }
}
