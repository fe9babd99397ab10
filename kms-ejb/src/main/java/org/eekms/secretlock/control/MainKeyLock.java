package org.eekms.secretlock.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.config.Caches;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.VerificationFailedException;
import org.eekms.secretlock.boundary.MasterLock;

/**
 * The {@code key} lock (TrustBloc's default): each keystore has its own random AES-256-GCM main key, stored sealed by
 * the server's master lock with the keystore id as associated data, so a sealed key cannot be moved to another
 * keystore. Opened main keys are cached (bounded, with a TTL) because a remote master lock costs a network call.
 */
@ApplicationScoped
public class MainKeyLock implements KeystoreLock {

    public static final String TYPE = "key";

    private MasterLock masterLock;
    private Cache<String, SecretAead> opened;

    protected MainKeyLock() {
        // for CDI proxies
    }

    @Inject
    public MainKeyLock(MasterLock masterLock,
            @ConfigProperty(name = "kms.key-cache.size", defaultValue = "10000") long cacheSize,
            @ConfigProperty(name = "kms.key-cache.ttl", defaultValue = "10m") Duration cacheTtl) {
        this.masterLock = masterLock;
        this.opened = Caches.bounded(cacheSize, cacheTtl);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SealedLock create(String keystoreId, LockSpec spec, LockCredentials credentials) {
        SecretBytes mainKey = SecretBytes.random(SecretAeads.AES256_KEY_LENGTH);
        byte[] plain = mainKey.toByteArray();
        try {
            return new SealedLock(TYPE, null, masterLock.seal(plain, associatedData(keystoreId)));
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
            mainKey.destroy();
        }
    }

    @Override
    public SecretAead unlock(String keystoreId, SealedLock lock, LockCredentials credentials) {
        return opened.get(keystoreId, id -> open(id, lock));
    }

    private SecretAead open(String keystoreId, SealedLock lock) {
        byte[] plain;
        try {
            plain = masterLock.unseal(lock.sealedSecret(), associatedData(keystoreId));
        } catch (VerificationFailedException e) {
            // Not the client's fault: the master key is not the one this keystore was created under.
            throw new IllegalStateException("the main key of a keystore does not open under the master lock");
        }
        SecretBytes mainKey = SecretBytes.copyOf(plain);
        java.util.Arrays.fill(plain, (byte) 0);
        try {
            return SecretAeads.aes256Gcm(mainKey);
        } finally {
            mainKey.destroy();
        }
    }

    /** What a keystore's main key is sealed with, besides the master lock: its keystore id. */
    public static byte[] associatedData(String keystoreId) {
        return ("eekms:keystore-main-key:" + keystoreId).getBytes(StandardCharsets.UTF_8);
    }
}
