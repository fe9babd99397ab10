package org.eekms.secretlock.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.VerificationFailedException;
import org.eekms.secretlock.boundary.MasterLock;
import org.eekms.secretlock.boundary.MasterLockTestDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainKeyLockTest {

    private static final byte[] PLAINTEXT = "a keyset's data key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "keyset-1".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private MasterLock master;
    private MainKeyLock lock;

    @BeforeEach
    void openMasterLock() {
        master = MasterLockTestDouble.local(dir.resolve("master.key"));
        lock = new MainKeyLock(master, 10_000, Duration.ofMinutes(10));
    }

    @Test
    void isTheKeyLock() {
        assertEquals("key", lock.type());
        assertEquals(MainKeyLock.TYPE, lock.type());
    }

    @Test
    void createSealsAFreshAes256MainKey() {
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);

        assertEquals("key", sealed.type());
        assertNull(sealed.publicParameters(), "nothing public to show");
        // AES-256-GCM under the master key: 12-byte nonce, 32-byte main key, 16-byte tag
        assertEquals(12 + 32 + 16, sealed.sealedSecret().length);
        assertEquals("SealedLock[key]", sealed.toString(), "the sealed secret is never printed");
    }

    @Test
    void theSealedSecretIsTheMainKeyEncryptedUnderTheMasterLockBoundToTheKeystore() {
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);

        // The associated data is part of the stored format: changing it would lock every existing keystore out.
        byte[] mainKey = master.unseal(sealed.sealedSecret(),
                "eekms:keystore-main-key:ks1".getBytes(StandardCharsets.UTF_8));
        assertEquals(32, mainKey.length);
        assertFalse(contains(sealed.sealedSecret(), mainKey), "the main key is never stored in the clear");

        // unlock() yields exactly the AEAD of that main key
        SecretAead reference = SecretAeads.aes256Gcm(SecretBytes.copyOf(mainKey));
        SecretAead unlocked = lock.unlock("ks1", sealed, LockCredentials.NONE);
        assertArrayEquals(PLAINTEXT, reference.decrypt(unlocked.encrypt(PLAINTEXT, AD), AD));
        assertArrayEquals(PLAINTEXT, unlocked.decrypt(reference.encrypt(PLAINTEXT, AD), AD));
    }

    @Test
    void everyKeystoreGetsItsOwnMainKey() {
        SealedLock first = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);
        SealedLock second = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);
        assertFalse(java.util.Arrays.equals(first.sealedSecret(), second.sealedSecret()));

        SecretAead one = new MainKeyLock(master, 10, Duration.ZERO).unlock("ks1", first, LockCredentials.NONE);
        SecretAead two = new MainKeyLock(master, 10, Duration.ZERO).unlock("ks1", second, LockCredentials.NONE);
        byte[] ciphertext = one.encrypt(PLAINTEXT, AD);
        assertThrows(VerificationFailedException.class, () -> two.decrypt(ciphertext, AD));
    }

    @Test
    void unlockGivesAnAeadThatRoundTrips() {
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);

        SecretAead aead = lock.unlock("ks1", sealed, LockCredentials.NONE);

        byte[] ciphertext = aead.encrypt(PLAINTEXT, AD);
        assertFalse(contains(ciphertext, PLAINTEXT));
        assertArrayEquals(PLAINTEXT, aead.decrypt(ciphertext, AD));
        assertThrows(VerificationFailedException.class,
                () -> aead.decrypt(ciphertext, "keyset-2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theMainKeyOpensAgainAfterARestart() {
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);
        byte[] ciphertext = lock.unlock("ks1", sealed, LockCredentials.NONE).encrypt(PLAINTEXT, AD);

        // a new server: a master lock over the same key file, an empty cache
        MasterLock restarted = MasterLockTestDouble.local(dir.resolve("master.key"));
        SecretAead reopened = new MainKeyLock(restarted, 10_000, Duration.ofMinutes(10))
                .unlock("ks1", sealed, LockCredentials.NONE);

        assertArrayEquals(PLAINTEXT, reopened.decrypt(ciphertext, AD));
    }

    @Test
    void aSealedMainKeyDoesNotOpenForAnotherKeystore() {
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lock.unlock("ks2", sealed, LockCredentials.NONE));
        assertTrue(e.getMessage().contains("master lock"), e.getMessage());

        // the failure is not cached, and did not spoil the rightful keystore
        assertThrows(IllegalStateException.class, () -> lock.unlock("ks2", sealed, LockCredentials.NONE));
        assertNotNull(lock.unlock("ks1", sealed, LockCredentials.NONE));
    }

    @Test
    void aTamperedSealedMainKeyDoesNotOpen() {
        byte[] secret = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE).sealedSecret();
        secret[20] ^= 1;

        assertThrows(IllegalStateException.class,
                () -> lock.unlock("ks1", new SealedLock("key", null, secret), LockCredentials.NONE));
    }

    @Test
    void aMainKeyDoesNotOpenUnderAnotherMasterKey() {
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);
        MasterLock otherMaster = MasterLockTestDouble.local(dir.resolve("other.key"));

        assertThrows(IllegalStateException.class, () -> new MainKeyLock(otherMaster, 10_000, Duration.ofMinutes(10))
                .unlock("ks1", sealed, LockCredentials.NONE));
    }

    @Test
    void openedMainKeysAreCached() {
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);
        SecretAead first = lock.unlock("ks1", sealed, LockCredentials.NONE);

        assertSame(first, lock.unlock("ks1", sealed, LockCredentials.NONE));
        // a cached keystore does not go back to the master lock, whatever is passed
        byte[] tampered = sealed.sealedSecret();
        tampered[20] ^= 1;
        assertSame(first, lock.unlock("ks1", new SealedLock("key", null, tampered), LockCredentials.NONE));
    }

    @Test
    void aCacheTtlOfZeroStillUnlocksAndCachesNothing() {
        MainKeyLock uncached = new MainKeyLock(master, 10_000, Duration.ZERO);
        SealedLock sealed = uncached.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);

        SecretAead first = uncached.unlock("ks1", sealed, LockCredentials.NONE);
        SecretAead second = uncached.unlock("ks1", sealed, LockCredentials.NONE);

        assertArrayEquals(PLAINTEXT, second.decrypt(first.encrypt(PLAINTEXT, AD), AD));
        // every unlock goes back to the master lock
        byte[] tampered = sealed.sealedSecret();
        tampered[20] ^= 1;
        assertThrows(IllegalStateException.class,
                () -> uncached.unlock("ks1", new SealedLock("key", null, tampered), LockCredentials.NONE));
    }

    @Test
    void aCacheOfSizeZeroStillUnlocks() {
        MainKeyLock uncached = new MainKeyLock(master, 0, Duration.ofMinutes(10));
        SealedLock sealed = uncached.create("ks1", LockSpec.DEFAULT, LockCredentials.NONE);

        SecretAead aead = uncached.unlock("ks1", sealed, LockCredentials.NONE);

        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, AD), AD));
    }

    @Test
    void credentialsAreIgnored() {
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT,
                new LockCredentials("did:example:alice", java.util.List.of(SecretBytes.random(16))));

        SecretAead aead = new MainKeyLock(master, 10, Duration.ZERO)
                .unlock("ks1", sealed, new LockCredentials("did:example:bob", java.util.List.of()));

        assertArrayEquals(PLAINTEXT, aead.decrypt(aead.encrypt(PLAINTEXT, AD), AD));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
