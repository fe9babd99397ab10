package org.eekms.secretlock.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.secretlock.control.LocalKeyFile;

/**
 * The server's master lock ({@code KMS_SECRET_LOCK_TYPE}): it seals the keystore main keys. Opened once at
 * deployment, so a missing or wrong configuration stops the server with one clear message instead of failing the
 * first request. Thread-safe without container locks: the AEAD is immutable once opened.
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

    private SecretAead aead;

    @PostConstruct
    void open() {
        if (!"local".equals(type)) {
            throw new IllegalStateException("KMS_SECRET_LOCK_TYPE: unsupported master lock '" + type
                    + "' (this server offers: local)");
        }
        Path path = Path.of(keyPath.orElseThrow(() -> new IllegalStateException(
                "KMS_SECRET_LOCK_KEY_PATH is required by the local master lock")));
        SecretBytes key = LocalKeyFile.read(path, createDevKey);
        try {
            aead = SecretAeads.aes256Gcm(key);
        } finally {
            key.destroy();
        }
        LOG.info(() -> "master lock: local key file " + path);
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        return aead.encrypt(plaintext, associatedData);
    }

    /** Throws {@link org.eekms.problem.VerificationFailedException} when the ciphertext was not sealed here. */
    public byte[] unseal(byte[] ciphertext, byte[] associatedData) {
        return aead.decrypt(ciphertext, associatedData);
    }
}
