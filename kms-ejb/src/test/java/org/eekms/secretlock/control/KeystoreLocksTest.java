package org.eekms.secretlock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.util.List;
import org.eekms.crypto.SecretAead;
import org.eekms.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class KeystoreLocksTest {

    private final KeystoreLock key = new FakeLock("key");
    private final KeystoreLock shares = new FakeLock("shares");

    @Test
    void findsLocksByType() {
        KeystoreLocks locks = new KeystoreLocks(instance(key, shares), "key", java.util.Optional.empty());

        assertSame(key, locks.byType("key"));
        assertSame(shares, locks.byType("shares"));
    }

    @Test
    void noTypeMeansTheDefault() {
        KeystoreLocks locks = new KeystoreLocks(instance(key, shares), "shares", java.util.Optional.empty());

        assertSame(shares, locks.byType(null));
        assertSame(shares, locks.byType(""));
    }

    @Test
    void anUnofferedTypeIsTheClientsError() {
        KeystoreLocks locks = new KeystoreLocks(instance(key, shares), "key", java.util.Optional.empty());

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> locks.byType("hsm"));
        assertEquals("unsupported_secret_lock", e.code());
        assertTrue(e.getMessage().contains("[key, shares]"), e.getMessage());
    }

    @Test
    void anUnknownDefaultStopsTheServerWithItsVariableName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KeystoreLocks(instance(key), "shares", java.util.Optional.empty()));
        assertTrue(e.getMessage().contains("KMS_KEYSTORE_LOCK_DEFAULT"), e.getMessage());
        assertTrue(e.getMessage().contains("shares"), e.getMessage());
    }

    @Test
    void findsTheLockAStoredKeystoreWasCreatedWith() {
        KeystoreLocks locks = new KeystoreLocks(instance(key, shares), "key", java.util.Optional.empty());

        assertSame(shares, locks.of(new SealedLock("shares", null, new byte[0])));
        assertThrows(IllegalStateException.class, () -> locks.of(new SealedLock("gone", null, new byte[0])));
    }

    /** The few methods KeystoreLocks uses of a CDI {@link Instance}; any other call fails the test. */
    @SuppressWarnings("unchecked")
    private static Instance<KeystoreLock> instance(KeystoreLock... locks) {
        List<KeystoreLock> list = List.of(locks);
        return (Instance<KeystoreLock>) Proxy.newProxyInstance(KeystoreLocksTest.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "stream" -> list.stream();
                    case "iterator" -> list.iterator();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private record FakeLock(String type) implements KeystoreLock {
        @Override
        public SealedLock create(String keystoreId, LockSpec spec, LockCredentials credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SecretAead unlock(String keystoreId, SealedLock lock, LockCredentials credentials) {
            throw new UnsupportedOperationException();
        }
    }
}
