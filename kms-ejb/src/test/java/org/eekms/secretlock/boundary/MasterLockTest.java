package org.eekms.secretlock.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eekms.problem.VerificationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterLockTest {

    private static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void sealsAndUnseals() {
        MasterLock lock = MasterLockTestDouble.local(dir.resolve("master.key"));
        byte[] plain = "a main key".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = lock.seal(plain, AD);

        assertArrayEquals(plain, lock.unseal(sealed, AD));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("a main key"));
    }

    @Test
    void theSameKeyFileOpensWhatItSealed() {
        Path keyFile = dir.resolve("master.key");
        byte[] sealed = MasterLockTestDouble.local(keyFile).seal(new byte[] {1, 2, 3}, AD);

        assertArrayEquals(new byte[] {1, 2, 3}, MasterLockTestDouble.local(keyFile).unseal(sealed, AD));
    }

    @Test
    void unsealFailsForOtherAssociatedDataOrAnotherKey() {
        MasterLock lock = MasterLockTestDouble.local(dir.resolve("one.key"));
        MasterLock other = MasterLockTestDouble.local(dir.resolve("two.key"));
        byte[] sealed = lock.seal(new byte[] {1, 2, 3}, AD);

        assertThrows(VerificationFailedException.class,
                () -> lock.unseal(sealed, "other".getBytes(StandardCharsets.UTF_8)));
        assertThrows(VerificationFailedException.class, () -> other.unseal(sealed, AD));
    }

    @Test
    void anUnsupportedTypeStopsTheServerWithItsVariableName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterLockTestDouble.open("aws-kms", dir.resolve("master.key").toString(), true));
        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_TYPE"), e.getMessage());
        assertTrue(e.getMessage().contains("aws-kms"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("master.key")));
    }

    @Test
    void theLocalLockNeedsAKeyPath() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterLockTestDouble.open("local", null, true));
        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_KEY_PATH"), e.getMessage());
    }

    @Test
    void aMissingKeyFileIsOnlyCreatedWhenAsked() {
        Path keyFile = dir.resolve("master.key");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterLockTestDouble.open("local", keyFile.toString(), false));
        assertTrue(e.getMessage().contains("KMS_SECRET_LOCK_KEY_PATH"), e.getMessage());
        assertFalse(Files.exists(keyFile));
    }
}
