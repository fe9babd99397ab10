package org.eekms.secretlock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.InvalidRequestException;

/**
 * The {@code passphrase} keystore lock: the key is PBKDF2-HMAC-SHA256 of a passphrase every request brings in the
 * {@code Keystore-Secret} header (standard base64 of its UTF-8 bytes), with a per-keystore random salt and the
 * iteration count stored as public parameters ({@code KMS_KEYSTORE_LOCK_PBKDF2_ITERATIONS}, OWASP's 600,000 by
 * default). Deriving is deliberately slow; repeat callers are admitted by fingerprint without deriving again.
 */
@ApplicationScoped
public class PassphraseLock extends DerivedKeyLock {

    public static final String TYPE = "passphrase";
    private static final int SALT_LENGTH = 16;

    private int iterations;

    protected PassphraseLock() {
        // for CDI proxies
    }

    @Inject
    public PassphraseLock(@ConfigProperty(name = "kms.keystore-secret-cache.ttl", defaultValue = "10m") Duration ttl,
            @ConfigProperty(name = "kms.keystore-lock.pbkdf2-iterations", defaultValue = "600000") int iterations) {
        super(ttl);
        if (iterations < SecretAeads.PBKDF2_MIN_ITERATIONS) {
            throw new IllegalStateException("KMS_KEYSTORE_LOCK_PBKDF2_ITERATIONS must be at least "
                    + SecretAeads.PBKDF2_MIN_ITERATIONS);
        }
        this.iterations = iterations;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected String parameters(LockSpec spec) {
        SecretBytes salt = SecretBytes.random(SALT_LENGTH); // public, but random bytes are made this way
        return Json.createObjectBuilder()
                .add("iterations", iterations)
                .add("salt", Base64.getEncoder().encodeToString(salt.toByteArray()))
                .build().toString();
    }

    @Override
    protected SecretAead derive(String keystoreId, String parameters, LockCredentials credentials) {
        if (credentials.secret() == null || credentials.secret().length() == 0) {
            throw new InvalidRequestException("missing_secret",
                    "a passphrase-locked keystore needs the Keystore-Secret header");
        }
        JsonObject stored = Json.createReader(new StringReader(parameters)).readObject();
        return SecretAeads.pbkdf2(credentials.secret(), Base64.getDecoder().decode(stored.getString("salt")),
                stored.getInt("iterations"));
    }
}
