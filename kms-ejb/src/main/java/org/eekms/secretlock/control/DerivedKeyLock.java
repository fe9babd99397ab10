package org.eekms.secretlock.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.VerificationFailedException;

/**
 * A keystore lock whose key is derived from secrets the request brings, so the server stores nothing that opens the
 * keystore: only a check value, sealed under the derived key, that tells credentials that do not open the keystore
 * (403, without saying which part was wrong) apart from a damaged keyset. Credentials that opened a keystore are
 * remembered by fingerprint for the configured time, so a hot call does not derive again.
 */
abstract class DerivedKeyLock implements KeystoreLock {

    private static final byte[] CHECK = "eekms keystore lock check".getBytes(StandardCharsets.UTF_8);

    private Cache<String, Boolean> admitted;
    private boolean caching;

    protected DerivedKeyLock() {
        // for CDI proxies
    }

    protected DerivedKeyLock(Duration admissionTtl) {
        this.caching = !admissionTtl.isZero();
        this.admitted = Caffeine.newBuilder()
                .maximumSize(caching ? 100_000 : 0)
                .expireAfterWrite(caching ? admissionTtl : Duration.ofNanos(1))
                .build();
    }

    /** The public parameters (JSON) a new keystore stores for this lock, from the create request. */
    protected abstract String parameters(LockSpec spec);

    /** The keystore key from the request's credentials; 400 when they are missing or malformed. */
    protected abstract SecretAead derive(String keystoreId, String parameters, LockCredentials credentials);

    @Override
    public SealedLock create(String keystoreId, LockSpec spec, LockCredentials credentials) {
        String parameters = parameters(spec);
        SecretAead key = derive(keystoreId, parameters, credentials);
        return new SealedLock(type(), parameters, key.encrypt(CHECK, keystoreId.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public SecretAead unlock(String keystoreId, SealedLock lock, LockCredentials credentials) {
        SecretAead key = derive(keystoreId, lock.publicParameters(), credentials);
        try {
            key.decrypt(lock.sealedSecret(), keystoreId.getBytes(StandardCharsets.UTF_8));
        } catch (VerificationFailedException e) {
            throw AccessDeniedException.forbidden("the secrets presented do not open this keystore");
        }
        if (caching) {
            admitted.put(fingerprint(keystoreId, credentials), Boolean.TRUE);
        }
        return key;
    }

    @Override
    public void admit(String keystoreId, SealedLock lock, LockCredentials credentials) {
        if (!caching || admitted.getIfPresent(fingerprint(keystoreId, credentials)) == null) {
            unlock(keystoreId, lock, credentials);
        }
    }

    /** SHA-256 over the keystore id and every credential: recognises a repeat caller without keeping its secrets. */
    private static String fingerprint(String keystoreId, LockCredentials credentials) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(keystoreId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (credentials.subject() != null) {
                digest.update(credentials.subject().getBytes(StandardCharsets.UTF_8));
            }
            for (SecretBytes share : credentials.shares()) {
                update(digest, share);
            }
            if (credentials.secret() != null) {
                digest.update((byte) 1);
                update(digest, credentials.secret());
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, SecretBytes secret) {
        byte[] bytes = secret.toByteArray();
        digest.update((byte) 0);
        digest.update(ByteLength.of(bytes));
        digest.update(bytes);
        Arrays.fill(bytes, (byte) 0);
    }

    /** Length prefixes keep two different credential lists from hashing alike. */
    private static final class ByteLength {
        static byte[] of(byte[] bytes) {
            int n = bytes.length;
            return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        }
    }
}
