package org.eekms.secretlock.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.SecretAead;
import org.eekms.problem.VerificationFailedException;
import org.eekms.secretlock.control.MasterLocks;

/**
 * The server's master lock ({@code KMS_SECRET_LOCK_TYPE}: {@code local}, {@code passphrase}, {@code hkdf} or
 * {@code aws}): it seals the keystore main keys. Opened once at deployment, so a missing or wrong configuration stops
 * the server with one clear message instead of failing the first request. Thread-safe without container locks: the
 * AEAD is immutable once opened (the passphrase lock's cache of derived keys is synchronized).
 *
 * <p>The settings are read as text so that {@link MasterLocks} can name the variable of a malformed one.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MasterLock {

    private static final Logger LOG = Logger.getLogger(MasterLock.class.getName());

    @Inject
    @ConfigProperty(name = "kms.secret-lock.type", defaultValue = "local")
    String type;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.key-path")
    Optional<String> keyPath;

    /** Only the embedded default sets this: it makes a development key on first start. */
    @Inject
    @ConfigProperty(name = "kms.secret-lock.create-dev-key", defaultValue = "false")
    boolean createDevKey;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.passphrase")
    Optional<String> passphrase;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.pbkdf2-iterations")
    Optional<String> pbkdf2Iterations;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.hkdf-secret")
    Optional<String> hkdfSecret;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.aws-key-uri")
    Optional<String> awsKeyUri;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.aws-endpoint")
    Optional<String> awsEndpoint;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.aws-timeout")
    Optional<String> awsTimeout;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.aws-max-concurrency")
    Optional<String> awsMaxConcurrency;

    /** The master lock being replaced, during a rotation: opens what it sealed, seals nothing. */
    @Inject
    @ConfigProperty(name = "kms.secret-lock.previous.type")
    Optional<String> previousType;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.previous.key-path")
    Optional<String> previousKeyPath;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.previous.passphrase")
    Optional<String> previousPassphrase;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.previous.hkdf-secret")
    Optional<String> previousHkdfSecret;

    @Inject
    @ConfigProperty(name = "kms.secret-lock.previous.aws-key-uri")
    Optional<String> previousAwsKeyUri;

    private SecretAead aead;
    private SecretAead previous;

    @PostConstruct
    void open() {
        MasterLocks.Opened opened = MasterLocks.open(new MasterLocks.Settings(type, keyPath, createDevKey, passphrase,
                pbkdf2Iterations, hkdfSecret, awsKeyUri, awsEndpoint, awsTimeout, awsMaxConcurrency));
        aead = opened.aead();
        LOG.info(() -> "master lock: " + opened.description());
        if (previousType.filter(type -> !type.isBlank()).isPresent()) {
            MasterLocks.Opened old = MasterLocks.open(new MasterLocks.Settings(previousType.get(), previousKeyPath,
                    false, previousPassphrase, pbkdf2Iterations, previousHkdfSecret, previousAwsKeyUri, awsEndpoint,
                    awsTimeout, awsMaxConcurrency));
            previous = old.aead();
            LOG.info(() -> "previous master lock, opening only: " + old.description());
        }
    }

    /** Whether a previous master lock is configured: what it sealed can be re-sealed under this one. */
    public boolean rotating() {
        return previous != null;
    }

    /** Releases what the lock holds (the AWS SDK client). */
    @PreDestroy
    void close() {
        for (SecretAead lock : new SecretAead[] {aead, previous}) {
            if (lock instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "closing the master lock failed", e);
                }
            }
        }
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        return aead.encrypt(plaintext, associatedData);
    }

    /**
     * Throws {@link org.eekms.problem.VerificationFailedException} when the ciphertext was not sealed here, and
     * {@link org.eekms.problem.UnavailableException} when a remote lock (AWS KMS) cannot answer.
     */
    public byte[] unseal(byte[] ciphertext, byte[] associatedData) {
        try {
            return aead.decrypt(ciphertext, associatedData);
        } catch (VerificationFailedException e) {
            if (previous == null) {
                throw e;
            }
            return previous.decrypt(ciphertext, associatedData);
        }
    }

    /**
     * The ciphertext sealed anew under this master lock when the previous one sealed it, or empty when this one
     * already did. The plaintext is cleared before returning.
     */
    public Optional<byte[]> reseal(byte[] ciphertext, byte[] associatedData) {
        try {
            java.util.Arrays.fill(aead.decrypt(ciphertext, associatedData), (byte) 0);
            return Optional.empty();
        } catch (VerificationFailedException notThisOne) {
            if (previous == null) {
                throw notThisOne;
            }
        }
        byte[] plain = previous.decrypt(ciphertext, associatedData);
        try {
            return Optional.of(aead.encrypt(plain, associatedData));
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }
}
