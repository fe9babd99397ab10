package org.eekms.bench.jmh;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eekms.access.control.AccessPolicy;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.crypto.SecretAead;
import org.eekms.keystore.entity.KeyAddress;
import org.eekms.keystore.boundary.KeyCrypto;
import org.eekms.keystore.control.KeyCache;
import org.eekms.keystore.control.OpenKey;
import org.eekms.keystore.control.StoredKeys;
import org.eekms.limits.control.RateLimits;
import org.eekms.metrics.boundary.Meters;
import org.eekms.secretlock.control.KeystoreLock;
import org.eekms.secretlock.control.KeystoreLocks;
import org.eekms.secretlock.control.LockCredentials;
import org.eekms.secretlock.control.LockSpec;
import org.eekms.secretlock.control.SealedLock;

/**
 * The server's own {@link KeyCrypto} with its real cache, access policy and meters, wired by hand as the container
 * wires them (package-private injection points, set reflectively), with every key already in the cache: what a hot
 * request costs inside the EJB, without the HTTP stack and the container's interceptors. Keys come from
 * {@link #add}; a miss would need a database and fails.
 */
final class WarmService {

    static final String KEYSTORE = "bench-keystore";
    private static final SealedLock KEY_LOCK = new SealedLock("key", null, new byte[0]);

    final KeyCrypto crypto = new KeyCrypto();
    private final KeyCache cache = new KeyCache(10_000, Duration.ofMinutes(10));

    WarmService() {
        try {
            AccessPolicy access = new AccessPolicy();
            set(access, "type", "none");
            invoke(access, "readMode");

            StoredKeys stored = new StoredKeys();
            set(stored, "cache", cache);
            set(stored, "access", access);
            set(stored, "locks", new KeystoreLocks() {
                @Override
                public KeystoreLock of(SealedLock sealed) {
                    return MAIN_KEY_LOCK;
                }
            });

            RateLimits limits = new RateLimits(); // as configured by default: only creation is limited
            set(limits, "access", access);
            for (String burst : new String[] {"callerBurst", "keystoreBurst", "creationBurst"}) {
                set(limits, burst, Optional.empty());
            }
            set(limits, "creationsPerMinute", Optional.empty());
            set(limits, "maxTracked", 50_000L);
            invoke(limits, "configure");

            Meters meters = new Meters();
            set(meters, "keyCache", cache);
            set(meters, "access", access);
            set(meters, "rateLimits", limits);
            invoke(meters, "start");

            set(crypto, "storedKeys", stored);
            set(crypto, "meters", meters);
            set(crypto, "maxBatchItems", 1000);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the services' injection points changed: update the benchmark", e);
        }
    }

    /** Puts a new key of the type in the cache, as a first use would; returns its key id. */
    String add(KeyType type) {
        Keyset keyset = Keyset.generate(type);
        String keyId = type.wireName() + "-" + System.nanoTime();
        cache.get(new KeyAddress(KEYSTORE, keyId),
                address -> new OpenKey(keyId, keyset.operations(), keyset.publicKey(), KEY_LOCK, null));
        return keyId;
    }

    static LockCredentials caller() {
        return new LockCredentials(null, List.of());
    }

    /** The {@code key} lock admits every caller of an unowned keystore, as MainKeyLock does (it has no check). */
    private static final KeystoreLock MAIN_KEY_LOCK = new KeystoreLock() {
        @Override
        public String type() {
            return "key";
        }

        @Override
        public SealedLock create(String keystoreId, LockSpec spec, LockCredentials credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SecretAead unlock(String keystoreId, SealedLock lock, LockCredentials credentials) {
            throw new UnsupportedOperationException("a warm benchmark never opens a lock");
        }
    };

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private static void invoke(Object target, String name) throws ReflectiveOperationException {
        Method method = target.getClass().getDeclaredMethod(name);
        method.setAccessible(true);
        method.invoke(target);
    }
}
