package org.eekms.secretlock.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eekms.crypto.SecretAead;
import org.eekms.crypto.SecretAeads;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.UnavailableException;
import org.junit.jupiter.api.Test;

/** The remote lock against a stubbed authorization server (its outbound port). */
class RemoteLockTest {

    private static final String KEY_URL = "https://authz.example/v1/keystores/a/keys/k";
    private static final LockSpec SPEC = new LockSpec("remote", null, KEY_URL, "https://ops.example/v1/keystores/");
    private static final LockCredentials ALICE = new LockCredentials("alice", List.of(SecretBytes.copyOf(new byte[] {1, 2})));
    private static final LockCredentials MALLORY = new LockCredentials("alice", List.of(SecretBytes.copyOf(new byte[] {9, 9})));

    /** An authorization server that admits alice's share only, counts calls and can be switched off. */
    static final class StubServer implements AuthorizationServer {
        final SecretAead key = SecretAeads.aes256Gcm(SecretBytes.random(32));
        int calls;
        boolean down;
        byte[] lastAssociatedData;

        private void check(LockCredentials credentials) {
            calls++;
            if (down) {
                throw new UnavailableException("the authorization server is unreachable or did not answer in time");
            }
            if (credentials.shares().isEmpty() || credentials.shares().get(0).toByteArray()[0] != 1) {
                throw AccessDeniedException.forbidden("authorization server: the secrets presented do not open this keystore");
            }
        }

        @Override
        public Sealed encrypt(String keyUrl, byte[] plaintext, byte[] associatedData, LockCredentials credentials) {
            check(credentials);
            lastAssociatedData = associatedData;
            byte[] out = key.encrypt(plaintext, associatedData);
            return new Sealed(Arrays.copyOfRange(out, 12, out.length), Arrays.copyOfRange(out, 0, 12));
        }

        @Override
        public byte[] decrypt(String keyUrl, Sealed sealed, byte[] associatedData, LockCredentials credentials) {
            check(credentials);
            byte[] in = new byte[sealed.nonce().length + sealed.ciphertext().length];
            System.arraycopy(sealed.nonce(), 0, in, 0, sealed.nonce().length);
            System.arraycopy(sealed.ciphertext(), 0, in, sealed.nonce().length, sealed.ciphertext().length);
            return key.decrypt(in, associatedData);
        }
    }

    @Test
    void storesOnlyTheAuthorizationServersCiphertextBoundToTheKeystoreUrl() {
        StubServer server = new StubServer();
        RemoteLock lock = new RemoteLock(server, Duration.ofMinutes(10), 100, Optional.empty());
        SealedLock sealed = lock.create("ks1", SPEC, ALICE);
        assertEquals("https://ops.example/v1/keystores/ks1", new String(server.lastAssociatedData, StandardCharsets.UTF_8));
        assertTrue(sealed.publicParameters().contains(KEY_URL));
        assertEquals(1 + 12 + 32 + 16, sealed.sealedSecret().length);
        byte[] data = "keyset".getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = lock.unlock("ks1", sealed, ALICE).encrypt(data, null);
        RemoteLock restarted = new RemoteLock(server, Duration.ofMinutes(10), 100, Optional.empty());
        assertArrayEquals(data, restarted.unlock("ks1", sealed, ALICE).decrypt(ciphertext, null));
    }

    @Test
    void cachedKeysStillRefuseCallersTheAuthorizationServerWouldRefuse() {
        StubServer server = new StubServer();
        RemoteLock lock = new RemoteLock(server, Duration.ofMinutes(10), 100, Optional.empty());
        SealedLock sealed = lock.create("ks1", SPEC, ALICE);
        int afterCreate = server.calls;
        lock.admit("ks1", sealed, ALICE);
        lock.unlock("ks1", sealed, ALICE);
        assertEquals(afterCreate, server.calls, "a known caller costs no remote call");
        assertThrows(AccessDeniedException.class, () -> lock.admit("ks1", sealed, MALLORY));
        server.down = true;
        lock.admit("ks1", sealed, ALICE); // cached: works while the authorization server is down
    }

    @Test
    void withCachingOffEveryUseAsksAndNothingWorksWhileTheServerIsDown() {
        StubServer server = new StubServer();
        RemoteLock lock = new RemoteLock(server, Duration.ZERO, 100, Optional.empty());
        SealedLock sealed = lock.create("ks1", SPEC, ALICE);
        int before = server.calls;
        lock.admit("ks1", sealed, ALICE);
        lock.admit("ks1", sealed, ALICE);
        assertEquals(before + 2, server.calls);
        server.down = true;
        assertThrows(UnavailableException.class, () -> lock.admit("ks1", sealed, ALICE));
    }

    @Test
    void rewrapSealsTheSamePrimaryKeyAnew() {
        StubServer server = new StubServer();
        RemoteLock lock = new RemoteLock(server, Duration.ZERO, 100, Optional.empty());
        SealedLock sealed = lock.create("ks1", SPEC, ALICE);
        byte[] ciphertext = lock.unlock("ks1", sealed, ALICE).encrypt(new byte[] {7}, null);
        SealedLock rewrapped = lock.rewrap("ks1", sealed, ALICE);
        assertFalse(Arrays.equals(sealed.sealedSecret(), rewrapped.sealedSecret()));
        assertArrayEquals(new byte[] {7}, lock.unlock("ks1", rewrapped, ALICE).decrypt(ciphertext, null));
    }

    @Test
    void forwardsCredentialsOnlyToAllowedAuthorizationServers() {
        StubServer server = new StubServer();
        RemoteLock lock = new RemoteLock(server, Duration.ZERO, 100,
                Optional.of("https://other.example/, https://authz.example/v1/"));
        lock.create("ks1", SPEC, ALICE);
        RemoteLock strict = new RemoteLock(server, Duration.ZERO, 100, Optional.of("https://other.example/"));
        int calls = server.calls;
        assertThrows(InvalidRequestException.class, () -> strict.create("ks1", SPEC, ALICE));
        assertEquals(calls, server.calls, "nothing was sent to a server that is not allowed");
    }

    @Test
    void refusesKeyUrlsThatAreNotHttp() {
        RemoteLock lock = new RemoteLock(new StubServer(), Duration.ZERO, 100, Optional.empty());
        for (String url : new String[] {null, "", "file:///etc/passwd", "not a url"}) {
            assertThrows(InvalidRequestException.class,
                    () -> lock.create("ks1", new LockSpec("remote", null, url, "https://ops.example/v1/keystores/"), ALICE));
        }
    }
}
