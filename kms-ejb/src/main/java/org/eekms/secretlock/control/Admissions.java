package org.eekms.secretlock.control;

import com.github.benmanes.caffeine.cache.Cache;
import org.eekms.config.Caches;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.eekms.crypto.SecretBytes;

/**
 * Credentials that opened a keystore recently, remembered by fingerprint (SHA-256 over the keystore id and every
 * credential, length-prefixed) for a configured time: a repeat caller is let in without deriving or asking a remote
 * server again, and no secret is kept. A TTL of 0 remembers nothing.
 */
final class Admissions {

    private final Cache<String, Boolean> admitted;
    private final boolean enabled;

    Admissions(Duration ttl) {
        this.enabled = !ttl.isZero();
        this.admitted = Caches.bounded(100_000, ttl);
    }

    boolean admitted(String keystoreId, LockCredentials credentials) {
        return enabled && admitted.getIfPresent(fingerprint(keystoreId, credentials)) != null;
    }

    void remember(String keystoreId, LockCredentials credentials) {
        if (enabled) {
            admitted.put(fingerprint(keystoreId, credentials), Boolean.TRUE);
        }
    }

    private static String fingerprint(String keystoreId, LockCredentials credentials) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, keystoreId.getBytes(StandardCharsets.UTF_8));
            update(digest, credentials.subject() == null ? new byte[0]
                    : credentials.subject().getBytes(StandardCharsets.UTF_8));
            for (SecretBytes share : credentials.shares()) {
                digest.update((byte) 's');
                update(digest, share);
            }
            if (credentials.secret() != null) {
                digest.update((byte) 'k');
                update(digest, credentials.secret());
            }
            if (credentials.authorization() != null) {
                digest.update((byte) 'a');
                update(digest, credentials.authorization().getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, SecretBytes secret) {
        byte[] bytes = secret.toByteArray();
        update(digest, bytes);
        Arrays.fill(bytes, (byte) 0);
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        int n = bytes.length;
        digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(bytes);
    }
}
