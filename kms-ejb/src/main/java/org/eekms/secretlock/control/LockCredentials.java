package org.eekms.secretlock.control;

import java.util.List;
import org.eekms.crypto.SecretBytes;

/**
 * What a request brings to open a keystore: the subject it acts for ({@code Auth-User}), the secret shares it
 * carries ({@code Secret-Share}), a keystore secret ({@code Keystore-Secret}, or null), its {@code Authorization}
 * header (forwarded by the {@code remote} lock, or null), and who the container authenticated: the caller's subject
 * (null without authentication) and whether the caller is in the admin group. Locks that need none of them ignore
 * them.
 */
public record LockCredentials(String subject, List<SecretBytes> shares, SecretBytes secret, String authorization,
        String caller, boolean admin) {

    public static final LockCredentials NONE = new LockCredentials(null, List.of(), null, null);

    public LockCredentials {
        shares = List.copyOf(shares);
    }

    public LockCredentials(String subject, List<SecretBytes> shares, SecretBytes secret, String authorization) {
        this(subject, shares, secret, authorization, null, false);
    }

    public LockCredentials(String subject, List<SecretBytes> shares) {
        this(subject, shares, null, null);
    }

    public LockCredentials(String subject, List<SecretBytes> shares, SecretBytes secret) {
        this(subject, shares, secret, null);
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
        return "LockCredentials[subject=" + subject + ", caller=" + caller + (admin ? " (admin)" : "") + ", "
                + shares.size() + " shares"
                + (secret == null ? "" : ", a keystore secret") + (authorization == null ? "" : ", authorization") + "]";
    }
}
