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

    private SecretAead aead;

    @PostConstruct
    void open() {
        MasterLocks.Opened opened = MasterLocks.open(new MasterLocks.Settings(type, keyPath, createDevKey, passphrase,
                pbkdf2Iterations, hkdfSecret, awsKeyUri, awsEndpoint, awsTimeout));
        aead = opened.aead();
        LOG.info(() -> "master lock: " + opened.description());
    }

    /** Releases what the lock holds (the AWS SDK client). */
    @PreDestroy
    void close() {
        if (aead instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the master lock failed", e);
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
        return aead.decrypt(ciphertext, associatedData);
    }
}
