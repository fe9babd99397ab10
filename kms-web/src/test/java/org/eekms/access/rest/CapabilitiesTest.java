package org.eekms.access.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.KmsException;
import org.junit.jupiter.api.Test;

/** Which capability lets whom do what on which keystore, and on whose authority. */
class CapabilitiesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String KEYSTORE = "c6p55cm936dc73cjokog";
    private static final String ROOT_ID = "https://kms.example/v1/keystores/" + KEYSTORE;

    private final Capabilities capabilities = new Capabilities(Clock.fixed(NOW, ZoneOffset.UTC));
    private final CapabilityHolder controller = new CapabilityHolder();
    private final CapabilityHolder wallet = new CapabilityHolder();
    private final JsonObject root = RootCapabilities.issue(ROOT_ID, controller.keyId(), NOW);

    @Test
    void theRootIsTheControllersForEveryActionOnItsKeystore() {
        JsonObject proof = root.getJsonArray("proof").getJsonObject(0);
        LinkedDataProofs.verify(Json.createObjectBuilder(root).remove("proof").build(), proof);
        for (String action : CapabilityAction.ALL) {
            assertEquals(controller.keyId(), authorize(controller, root, action, KEYSTORE, action));
        }
        assertDenied(403, () -> authorize(wallet, root, "sign", KEYSTORE, "sign"));
        assertDenied(403, () -> authorize(controller, root, "sign", "otherkeystore", "sign"));
        assertDenied(403, () -> authorize(controller, root, "sign", KEYSTORE, "decrypt"));
        JsonObject fewer = Json.createObjectBuilder(root).add("allowedAction", Json.createArrayBuilder().add("verify"))
                .build();
        assertDenied(403, () -> authorize(controller, fewer, "sign", KEYSTORE, "sign"));
    }

    @Test
    void aDelegationActsForTheDelegatorOnlyForItsActionsAndOnlyForItsInvoker() {
        JsonObject delegated = controller.delegate(ROOT_ID, ROOT_ID, wallet.keyId(), List.of("sign", "verify"), null,
                null, NOW.minusSeconds(5));
        assertEquals(controller.keyId(), authorize(wallet, delegated, "sign", KEYSTORE, "sign"));
        assertEquals(controller.keyId(), authorize(wallet, delegated, "verify", KEYSTORE, "verify"));
        assertEquals(controller.keyId(), authorize(wallet, delegated, "sign", KEYSTORE, "sign"), "cached");
        assertDenied(403, () -> authorize(wallet, delegated, "decrypt", KEYSTORE, "decrypt"));
        assertDenied(403, () -> authorize(controller, delegated, "sign", KEYSTORE, "sign"));
        assertDenied(403, () -> authorize(wallet, delegated, "sign", "otherkeystore", "sign"));

        // a delegation by anyone but the controller acts for its signer, whom the keystore does not know
        CapabilityHolder stranger = new CapabilityHolder();
        JsonObject forged = stranger.delegate(ROOT_ID, ROOT_ID, wallet.keyId(), List.of("sign"), null, null, NOW);
        assertEquals(stranger.keyId(), authorize(wallet, forged, "sign", KEYSTORE, "sign"));
    }

    @Test
    void aDelegationChangedAfterSigningIsRefused() {
        JsonObject delegated = controller.delegate(ROOT_ID, ROOT_ID, wallet.keyId(), List.of("sign"), null, null, NOW);
        JsonObject moreActions = Json.createObjectBuilder(delegated)
                .add("allowedAction", Json.createArrayBuilder().add("sign").add("decrypt")).build();
        assertDenied(401, () -> authorize(wallet, moreActions, "decrypt", KEYSTORE, "decrypt"));
        CapabilityHolder thief = new CapabilityHolder();
        JsonObject otherInvoker = Json.createObjectBuilder(delegated).add("invoker", thief.keyId()).build();
        assertDenied(401, () -> authorize(thief, otherInvoker, "sign", KEYSTORE, "sign"));
        JsonObject noProof = Json.createObjectBuilder(delegated).remove("proof").build();
        assertDenied(401, () -> authorize(wallet, noProof, "sign", KEYSTORE, "sign"));
    }

    @Test
    void expiredDelegationsAreRefused() {
        JsonObject signedExpiry = controller.delegate(ROOT_ID, ROOT_ID, wallet.keyId(), List.of("sign"),
                NOW.minusSeconds(1), null, NOW.minusSeconds(60));
        assertDenied(403, () -> authorize(wallet, signedExpiry, "sign", KEYSTORE, "sign"));
        JsonObject later = controller.delegate(ROOT_ID, ROOT_ID, wallet.keyId(), List.of("sign"),
                NOW.plusSeconds(60), null, NOW.minusSeconds(60));
        authorize(wallet, later, "sign", KEYSTORE, "sign");
        // the signed expiry cannot be moved: the proof covers it
        JsonObject moved = Json.createObjectBuilder(signedExpiry).add("expires", NOW.plusSeconds(3600).toString())
                .build();
        assertDenied(401, () -> authorize(wallet, moved, "sign", KEYSTORE, "sign"));

        JsonObject caveat = controller.delegate(ROOT_ID, ROOT_ID, wallet.keyId(), List.of("sign"), null, 30L,
                NOW.minusSeconds(31));
        assertDenied(403, () -> authorize(wallet, caveat, "sign", KEYSTORE, "sign"));
        JsonObject freshCaveat = controller.delegate(ROOT_ID, ROOT_ID, wallet.keyId(), List.of("sign"), null, 30L,
                NOW.minusSeconds(29));
        authorize(wallet, freshCaveat, "sign", KEYSTORE, "sign");
        JsonObject unknown = Json.createObjectBuilder(freshCaveat).add("caveats", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "ipRange"))).build();
        assertDenied(403, () -> authorize(wallet, unknown, "sign", KEYSTORE, "sign"));
    }

    @Test
    void chainsThroughIntermediatesAreRefused() {
        CapabilityHolder middle = new CapabilityHolder();
        JsonObject first = controller.delegate(ROOT_ID, ROOT_ID, middle.keyId(), List.of("sign"), null, null, NOW);
        JsonObject second = middle.delegate(first.getString("id"), ROOT_ID, wallet.keyId(), List.of("sign"), null,
                null, NOW);
        AccessDeniedException e = assertDenied(403, () -> authorize(wallet, second, "sign", KEYSTORE, "sign"));
        assertTrue(e.getMessage().contains("intermediate"), e.getMessage());
    }

    @Test
    void theGeneratedVectorDelegatesSignFromItsRoot() throws Exception {
        JsonObject delegated = LinkedDataProofsTest.read("generated-delegated.json");
        String k2 = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT#z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT";
        String k3 = "did:key:z6MkwSD8dBdqcXQzKJZQFPy2hh2izzxskndKCjdmC2dBpfME#z6MkwSD8dBdqcXQzKJZQFPy2hh2izzxskndKCjdmC2dBpfME";
        CapabilityInvocation invocation = CapabilityInvocation.parse("zcap capability=\""
                + CapabilityInvocation.compress(delegated, true) + "\",action=\"sign\"");
        assertEquals(k2, capabilities.authorize(k3, invocation, KEYSTORE, "sign"));
    }

    @Test
    void malformedInvocationHeadersAreRefused() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[CapabilityInvocation.MAX_CAPABILITY_BYTES + 1]);
        }
        for (String header : new String[] {null, "", "zcap", "zcap capability=\"!!\",action=\"sign\"",
                "zcap capability=\"H4sIAAAAAAAA\",action=\"sign\"",
                "zcap capability=\"" + Base64.getUrlEncoder().encodeToString(bomb.toByteArray()) + "\",action=\"sign\"",
                "zcap capability=\"" + CapabilityInvocation.compress(root, true) + "\"",
                "bearer capability=\"" + CapabilityInvocation.compress(root, true) + "\",action=\"sign\""}) {
            assertDenied(401, () -> CapabilityInvocation.parse(header));
        }
    }

    private String authorize(CapabilityHolder signer, JsonObject capability, String invokedAction, String keystore,
            String routeAction) {
        CapabilityInvocation invocation = CapabilityInvocation.parse("zcap capability=\""
                + CapabilityInvocation.compress(capability, true) + "\",action=\"" + invokedAction + "\"");
        return capabilities.authorize(signer.keyId(), invocation, keystore, routeAction);
    }

    private static AccessDeniedException assertDenied(int status, Runnable call) {
        AccessDeniedException e = assertThrows(AccessDeniedException.class, call::run);
        assertEquals(status == 401 ? KmsException.Kind.UNAUTHORIZED : KmsException.Kind.FORBIDDEN, e.kind(),
                e.getMessage());
        return e;
    }
}
