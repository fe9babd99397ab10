package org.eekms.access.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eekms.problem.AccessDeniedException;
import org.junit.jupiter.api.Test;

/** HTTP signatures of capability invocations, signed here with the JDK's Ed25519. */
class SignedRequestsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final SignedRequests VERIFIER = new SignedRequests(Clock.fixed(NOW, ZoneOffset.UTC), 30, 300);
    private static final byte[] BODY = "{\"message\":\"aGk=\"}".getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/v1/keystores/ks1/keys/k1/sign";
    private static final String ALL = "(request-target) host capability-invocation (created) (expires) digest";

    @Test
    void didKeysDecodeAsAfgoEncodesThem() {
        // AFGo's fingerprint test: the public key (base58) and its did:key
        String did = "did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH";
        byte[] key = DidKeys.ed25519PublicKey(did);
        assertArrayEquals(DidKeys.base58("B12NYF8RrR3h41TDCTJojY59usg3mbtbjnFs7Eud1Y6u"), key);
        assertArrayEquals(key, DidKeys.ed25519PublicKey(did + "#z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH"));
        assertEquals(did, DidKeys.of(key));
        for (String bad : new String[] {"did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH#other",
                "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", "did:web:example.com", "did:key:z0OIl",
                null}) {
            assertThrows(AccessDeniedException.class, () -> DidKeys.ed25519PublicKey(bad), String.valueOf(bad));
        }
    }

    @Test
    void aRequestSignedOverEverythingRequiredVerifies() throws Exception {
        KeyPair key = ed25519();
        Map<String, String> headers = signed(key, "POST", PATH, BODY, ALL, NOW.getEpochSecond(), null);
        HttpSignature signature = VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, headers::get, BODY, false);
        assertEquals(DidKeys.of(raw(key)) + "#" + DidKeys.of(raw(key)).substring(8), signature.keyId());
    }

    @Test
    void replaysToAnotherRouteHostCapabilityOrBodyAreRefused() throws Exception {
        KeyPair key = ed25519();
        Map<String, String> headers = signed(key, "POST", PATH, BODY, ALL, NOW.getEpochSecond(), null);
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", "/v1/keystores/ks1/keys/k1/decrypt", headers::get, BODY, false));
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "PUT", PATH, headers::get, BODY, false));
        Map<String, String> otherHost = new HashMap<>(headers);
        otherHost.put("host", "evil.example");
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, otherHost::get, BODY, false));
        Map<String, String> otherCapability = new HashMap<>(headers);
        otherCapability.put("capability-invocation", "zcap capability=\"H4sI\",action=\"decrypt\"");
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, otherCapability::get, BODY, false));
        byte[] otherBody = "{\"message\":\"aG8=\"}".getBytes(StandardCharsets.UTF_8);
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, headers::get, otherBody, false));
    }

    @Test
    void signaturesThatCoverTooLittleOrAreOutOfTimeAreRefused() throws Exception {
        KeyPair key = ed25519();
        long now = NOW.getEpochSecond();
        // TrustBloc's BDD client signs (created) only; we require the route, host, capability and body
        Map<String, String> createdOnly = signed(key, "POST", PATH, BODY, "(created)", now, null);
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, createdOnly::get, BODY, false));
        Map<String, String> noDigest = signed(key, "POST", PATH, BODY,
                "(request-target) host capability-invocation (created)", now, null);
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, noDigest::get, BODY, false));
        Map<String, String> old = signed(key, "POST", PATH, BODY, ALL, now - 301, null);
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, old::get, BODY, false));
        Map<String, String> future = signed(key, "POST", PATH, BODY, ALL, now + 31, null);
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, future::get, BODY, false));
        Map<String, String> expired = signed(key, "POST", PATH, BODY, ALL, now - 100, now - 31);
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, expired::get, BODY, false));
        VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, signed(key, "POST", PATH, BODY, ALL, now - 100, now + 60)::get, BODY, false);
        VERIFIER.verify(SignedRequests.INVOCATION, "GET", "/v1/keystores/ks1", signed(key, "GET", "/v1/keystores/ks1", null,
                "(request-target) host capability-invocation (created)", now, null)::get, null, false);
    }

    @Test
    void aSignedRequestThatChangesStateIsAcceptedOnce() throws Exception {
        Map<String, String> headers = signed(ed25519(), "POST", PATH, BODY, ALL, NOW.getEpochSecond(), null);
        VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, headers::get, BODY, true);
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, headers::get, BODY, true));
        Map<String, String> readOnly = signed(ed25519(), "POST", PATH, BODY, ALL, NOW.getEpochSecond(), null);
        VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, readOnly::get, BODY, false);
        VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, readOnly::get, BODY, false);
    }

    @Test
    void anotherKeyOrAMalformedHeaderIsRefused() throws Exception {
        KeyPair key = ed25519();
        KeyPair other = ed25519();
        Map<String, String> headers = signed(key, "POST", PATH, BODY, ALL, NOW.getEpochSecond(), null);
        Map<String, String> claimed = new HashMap<>(headers);
        claimed.put("signature", headers.get("signature").replace(DidKeys.of(raw(key)).substring(8),
                DidKeys.of(raw(other)).substring(8)));
        assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, claimed::get, BODY, false));
        for (String malformed : new String[] {"", "keyId=", "keyId=\"did:key:z6Mk\",signature=\"!!\",created=1",
                "keyId=\"a\",keyId=\"b\",signature=\"AA==\",created=1", "garbage"}) {
            Map<String, String> bad = new HashMap<>(headers);
            bad.put("signature", malformed);
            assertDenied(() -> VERIFIER.verify(SignedRequests.INVOCATION, "POST", PATH, bad::get, BODY, false));
        }
    }

    private static void assertDenied(Runnable call) {
        AccessDeniedException e = assertThrows(AccessDeniedException.class, call::run);
        assertEquals("unauthorized", e.code());
        assertTrue(!e.getMessage().isEmpty());
    }

    /** The headers of a request signed as a TrustBloc ZCAP client signs it, over {@code covered}. */
    private static Map<String, String> signed(KeyPair key, String method, String path, byte[] body, String covered,
            long created, Long expires) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "kms.example");
        headers.put("capability-invocation", "zcap capability=\"H4sIAAAAAAAA\",action=\"sign\"");
        if (body != null) {
            headers.put("digest", "SHA-256=" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(body)));
        }
        String did = DidKeys.of(raw(key));
        String keyId = did + "#" + did.substring(8);
        StringBuilder signing = new StringBuilder();
        for (String name : covered.split(" ")) {
            if (name.equals("(expires)") && expires == null) {
                continue;
            }
            if (name.equals("digest") && body == null) {
                continue;
            }
            String value = switch (name) {
                case "(request-target)" -> method.toLowerCase(Locale.ROOT) + " " + path;
                case "(created)" -> Long.toString(created);
                case "(expires)" -> Long.toString(expires);
                default -> headers.get(name);
            };
            signing.append(signing.length() == 0 ? "" : "\n").append(name).append(": ").append(value);
        }
        String list = Arrays.stream(covered.split(" "))
                .filter(name -> !(name.equals("(expires)") && expires == null))
                .filter(name -> !(name.equals("digest") && body == null))
                .reduce((a, b) -> a + " " + b).orElse("");
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key.getPrivate());
        ed25519.update(signing.toString().getBytes(StandardCharsets.UTF_8));
        headers.put("signature", "keyId=\"" + keyId + "\",algorithm=\"https://github.com/hyperledger/aries-framework-go/"
                + "zcaps\",created=" + created + (expires == null ? "" : ",expires=" + expires) + ",headers=\"" + list
                + "\",signature=\"" + Base64.getEncoder().encodeToString(ed25519.sign()) + "\"");
        return headers;
    }

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static byte[] raw(KeyPair key) {
        byte[] spki = key.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }
}
