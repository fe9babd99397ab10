package org.eekms.secretlock.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The keystore locks keyed by a secret each request brings: hkdf and passphrase. */
class KeystoreSecretLocksTest {

    private static final byte[] DATA = "a keyset".getBytes(StandardCharsets.UTF_8);

    private static LockCredentials secret(String text) {
        return new LockCredentials(null, List.of(), SecretBytes.copyOf(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hkdfLockOpensWithItsSecretOnlyAndStoresNothingThatOpensIt() {
        HkdfLock lock = new HkdfLock(Duration.ofMinutes(10));
        LockCredentials right = secret("0123456789abcdef-0123456789abcdef");
        SealedLock sealed = lock.create("ks1", LockSpec.DEFAULT, right);
        assertEquals("hkdf", sealed.type());
        SecretAead key = lock.unlock("ks1", sealed, right);
        byte[] ciphertext = key.encrypt(DATA, null);
        assertArrayEquals(DATA, lock.unlock("ks1", sealed, secret("0123456789abcdef-0123456789abcdef"))
                .decrypt(ciphertext, null));
        assertThrows(AccessDeniedException.class, () -> lock.unlock("ks1", sealed, secret("another secret, long enough")));
        assertThrows(AccessDeniedException.class, () -> lock.unlock("ks2", sealed, right));
        assertThrows(InvalidRequestException.class, () -> lock.unlock("ks1", sealed, LockCredentials.NONE));
        assertThrows(InvalidRequestException.class, () -> lock.create("ks3", LockSpec.DEFAULT, secret("short")));
        lock.admit("ks1", sealed, right);
        assertThrows(AccessDeniedException.class, () -> lock.admit("ks1", sealed, secret("wrong secret, long enough!")));
    }

    @Test
    void passphraseLockStoresSaltAndIterationsPubliclyAndRefusesOtherPassphrases() {
        PassphraseLock lock = new PassphraseLock(Duration.ZERO, 10_000);
        SealedLock first = lock.create("ks1", LockSpec.DEFAULT, secret("correct horse battery staple"));
        SealedLock second = lock.create("ks1", LockSpec.DEFAULT, secret("correct horse battery staple"));
        assertTrue(first.publicParameters().contains("\"iterations\":10000"), first.publicParameters());
        assertNotEquals(first.publicParameters(), second.publicParameters()); // a fresh salt per keystore
        assertFalse(first.publicParameters().contains("correct horse"));
        byte[] ciphertext = lock.unlock("ks1", first, secret("correct horse battery staple")).encrypt(DATA, null);
        assertArrayEquals(DATA, lock.unlock("ks1", first, secret("correct horse battery staple"))
                .decrypt(ciphertext, null));
        assertThrows(AccessDeniedException.class, () -> lock.unlock("ks1", first, secret("Correct horse battery staple")));
        assertThrows(AccessDeniedException.class, () -> lock.admit("ks1", first, secret("wrong")));
        assertThrows(InvalidRequestException.class, () -> lock.unlock("ks1", first, LockCredentials.NONE));
        assertThrows(IllegalStateException.class, () -> new PassphraseLock(Duration.ZERO, 1_000));
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        LockCredentials credentials = new LockCredentials("alice", List.of(SecretBytes.copyOf(new byte[] {7, 7})),
                SecretBytes.copyOf("hunter2".getBytes(StandardCharsets.UTF_8)));
        assertFalse(credentials.toString().contains("hunter2"));
        credentials.destroy();
        assertArrayEquals(new byte[7], credentials.secret().toByteArray());
    }
}
