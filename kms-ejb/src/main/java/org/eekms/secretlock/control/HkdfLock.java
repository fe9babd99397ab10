package org.eekms.secretlock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.problem.InvalidRequestException;

/**
 * The {@code hkdf} keystore lock: the key is HKDF-SHA256 (info = keystore id) of a high-entropy secret of at least
 * 16 bytes that every request brings in the {@code Keystore-Secret} header (standard base64). For callers that hold
 * a random secret and want the server to keep nothing that opens their keys.
 */
@ApplicationScoped
public class HkdfLock extends DerivedKeyLock {

    public static final String TYPE = "hkdf";

    protected HkdfLock() {
        // for CDI proxies
    }

    @Inject
    public HkdfLock(@ConfigProperty(name = "kms.keystore-secret-cache.ttl", defaultValue = "10m") Duration ttl) {
        super(ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected String parameters(LockSpec spec) {
        return null;
    }

    @Override
    protected SecretAead derive(String keystoreId, String parameters, LockCredentials credentials) {
        if (credentials.secret() == null) {
            throw new InvalidRequestException("missing_secret", "an hkdf-locked keystore needs the Keystore-Secret header");
        }
        if (credentials.secret().length() < SecretAeads.HKDF_MIN_SECRET_LENGTH) {
            throw new InvalidRequestException("malformed_secret", "Keystore-Secret must carry at least "
                    + SecretAeads.HKDF_MIN_SECRET_LENGTH + " bytes");
        }
        return SecretAeads.hkdf(credentials.secret(), keystoreId.getBytes(StandardCharsets.UTF_8));
    }
}
