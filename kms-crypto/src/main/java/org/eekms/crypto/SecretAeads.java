package org.eekms.crypto;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eekms.crypto.internal.AwsKmsAead;
import org.eekms.crypto.internal.HkdfAead;
import org.eekms.crypto.internal.PassphraseAead;
import org.eekms.crypto.internal.TinkKeysets;

/**
 * Makes the {@link SecretAead}s that protect stored keys: AES-256-GCM under a key (local key files, keystore main
 * keys), under a key derived from a passphrase or a secret, or AWS KMS. An AEAD that holds resources (AWS KMS) is
 * also {@link AutoCloseable}.
 */
public final class SecretAeads {

    public static final int AES256_KEY_LENGTH = 32;

    /** The fewest PBKDF2 iterations {@link #passphrase} accepts; servers should ask for far more. */
    public static final int PBKDF2_MIN_ITERATIONS = PassphraseAead.MIN_ITERATIONS;
    /** The most PBKDF2 iterations {@link #passphrase} accepts, and that a ciphertext may ask for. */
    public static final int PBKDF2_MAX_ITERATIONS = PassphraseAead.MAX_ITERATIONS;
    /** The shortest secret {@link #hkdf} accepts. */
    public static final int HKDF_MIN_SECRET_LENGTH = HkdfAead.MIN_SECRET_LENGTH;

    private SecretAeads() {
    }

    public static SecretAead aes256Gcm(SecretBytes key) {
        return TinkKeysets.aes256Gcm(key);
    }

    /**
     * AES-256-GCM under PBKDF2-HMAC-SHA256(passphrase as UTF-8, random 16-byte salt, iterations). The ciphertext
     * carries a version byte, the iteration count and the salt, so it still decrypts after the iteration setting
     * changed. The key for encrypting is derived here, once; decrypting a ciphertext made with another salt derives
     * its key once more and caches it (a few entries). The passphrase is copied: the caller clears its array.
     *
     * @throws IllegalArgumentException for an empty passphrase or iterations outside
     *         [{@value #PBKDF2_MIN_ITERATIONS}, {@value #PBKDF2_MAX_ITERATIONS}]
     */
    public static SecretAead passphrase(char[] passphrase, int iterations) {
        return new PassphraseAead(passphrase, iterations);
    }

    /**
     * AES-256-GCM under HKDF-SHA256(secret, empty salt, info): the same secret and info give the same key, other
     * info another key.
     *
     * @throws IllegalArgumentException for a secret shorter than {@value #HKDF_MIN_SECRET_LENGTH} bytes
     */
    public static SecretAead hkdf(SecretBytes secret, byte[] info) {
        return HkdfAead.create(secret, info);
    }

    /**
     * AWS KMS {@code Encrypt}/{@code Decrypt} with the key of {@code keyUri}
     * ({@code aws-kms://arn:aws:kms:<region>:<account>:key/<id>}, region taken from the ARN), the associated data
     * bound as encryption context, credentials from the AWS SDK's default chain. Each call fails within
     * {@code timeout}; failures other than a wrong ciphertext are {@link org.eekms.problem.UnavailableException}s.
     * The result is {@link AutoCloseable}.
     *
     * @param endpoint overrides the regional endpoint (a VPC endpoint, a test server)
     * @throws IllegalArgumentException for a key URI that is not an AWS KMS key ARN, a bad endpoint or timeout
     */
    public static SecretAead awsKms(String keyUri, Optional<URI> endpoint, Duration timeout) {
        return AwsKmsAead.create(keyUri, endpoint, timeout);
    }

    /**
     * AES-256-GCM under PBKDF2-HMAC-SHA256(passphrase, salt, iterations) with a salt the caller stores (a
     * keystore lock's public parameters); unlike {@link #passphrase} the ciphertext carries no header.
     *
     * @throws IllegalArgumentException for an empty passphrase or iterations out of range
     */
    public static SecretAead pbkdf2(SecretBytes passphraseUtf8, byte[] salt, int iterations) {
        return PassphraseAead.withStoredSalt(passphraseUtf8, salt, iterations);
    }
}
