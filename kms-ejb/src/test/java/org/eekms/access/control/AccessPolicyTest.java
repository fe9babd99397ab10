package org.eekms.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.KmsException;
import org.eekms.secretlock.control.LockCredentials;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final LockCredentials ANONYMOUS = LockCredentials.NONE;
    private static final LockCredentials ALICE = caller("alice", false);
    private static final LockCredentials BOB = caller("bob", false);
    private static final LockCredentials ADMIN = caller("carol", true);

    @Test
    void noneLeavesUnownedKeystoresOpenButNeverOpensAnOwnedOne() {
        AccessPolicy none = policy("none");
        assertEquals(AccessPolicy.Mode.NONE, none.mode());
        assertNull(none.ownerOf("did:key:z6Mk", ALICE), "no owner is bound without authentication");
        none.use(null, ANONYMOUS);
        none.administer(ANONYMOUS);
        assertDenied(401, () -> none.use("alice", ANONYMOUS));
        assertDenied(403, () -> none.use("alice", BOB));
        none.use("alice", ALICE);
    }

    @Test
    void jwtBindsKeystoresToTheirCreatorAndKeepsAdminsOffTheKeys() {
        AccessPolicy jwt = policy(" JWT ");
        assertEquals("alice", jwt.ownerOf("did:key:z6Mk", ALICE));
        assertDenied(401, () -> jwt.ownerOf(null, ANONYMOUS));
        jwt.use("alice", ALICE);
        assertDenied(403, () -> jwt.use("alice", BOB));
        assertDenied(401, () -> jwt.use("alice", ANONYMOUS));
        assertDenied(403, () -> jwt.use("alice", ADMIN));
        assertDenied(403, () -> jwt.use(null, ALICE));
        jwt.read("alice", ADMIN);
        jwt.read("alice", ALICE);
        assertDenied(403, () -> jwt.read("alice", BOB));
        jwt.administer(ADMIN);
        assertDenied(403, () -> jwt.administer(ALICE));
        assertDenied(401, () -> jwt.administer(ANONYMOUS));
    }

    @Test
    void zcapBindsKeystoresToTheirControllerWhoeverCreatesThem() {
        AccessPolicy zcap = policy("zcap");
        String controller = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT#z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT";
        assertEquals(controller, zcap.ownerOf(controller, ANONYMOUS));
        assertThrows(InvalidRequestException.class, () -> zcap.ownerOf(null, ANONYMOUS));
        assertThrows(InvalidRequestException.class, () -> zcap.ownerOf("alice", ALICE));
        zcap.use(controller, caller(controller, false));
        assertDenied(403, () -> zcap.use(controller, BOB));
        AccessDeniedException anonymous = assertThrows(AccessDeniedException.class, () -> zcap.use(controller, ANONYMOUS));
        assertTrue(anonymous.getMessage().contains("capability"), anonymous.getMessage());
        assertDenied(403, () -> zcap.use(null, ALICE));
        zcap.read(controller, ADMIN);
        assertDenied(403, () -> zcap.use(controller, ADMIN));
    }

    @Test
    void unknownModesStopTheDeployment() {
        IllegalStateException gnap = assertThrows(IllegalStateException.class, () -> policy("gnap"));
        assertTrue(gnap.getMessage().contains("none, jwt or zcap"), gnap.getMessage());
    }

    private static void assertDenied(int status, Runnable call) {
        AccessDeniedException e = assertThrows(AccessDeniedException.class, call::run);
        assertEquals(status == 401 ? KmsException.Kind.UNAUTHORIZED : KmsException.Kind.FORBIDDEN, e.kind());
    }

    private static AccessPolicy policy(String type) {
        AccessPolicy policy = new AccessPolicy();
        policy.type = type;
        policy.readMode();
        return policy;
    }

    private static LockCredentials caller(String subject, boolean admin) {
        return new LockCredentials(null, List.of(), null, null, subject, admin);
    }
}
