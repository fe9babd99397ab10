package org.eekms.secretlock.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eekms.crypto.SecretAead;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.VerificationFailedException;

/**
 * A keystore lock whose key is derived from secrets the request brings, so the server stores nothing that opens the
 * keystore: only a check value, sealed under the derived key, that tells credentials that do not open the keystore
 * (403, without saying which part was wrong) apart from a damaged keyset. Credentials that opened a keystore are
 * remembered by fingerprint ({@link Admissions}), so a hot call does not derive again.
 */
abstract class DerivedKeyLock implements KeystoreLock {

    private static final byte[] CHECK = "eekms keystore lock check".getBytes(StandardCharsets.UTF_8);

    private Admissions admissions;

    protected DerivedKeyLock() {
        // for CDI proxies
    }

    protected DerivedKeyLock(Duration admissionTtl) {
        this.admissions = new Admissions(admissionTtl);
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
        admissions.remember(keystoreId, credentials);
        return key;
    }

    @Override
    public void admit(String keystoreId, SealedLock lock, LockCredentials credentials) {
        if (!admissions.admitted(keystoreId, credentials)) {
            unlock(keystoreId, lock, credentials);
        }
    }
}
