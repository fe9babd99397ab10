package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.eekms.access.rest.CapabilityHolder;
import org.eekms.access.rest.LinkedDataProofs;
import org.eekms.it.KmsClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * {@code KMS_AUTH_TYPE=zcap} on the embedded server: keystore creation restricted to a listed did:key, the root
 * capability returned as TrustBloc returns it, invocations signed over route, host, capability and body, delegation
 * with fewer actions and with expiry, replays refused; administrators with bearer tokens list and read but use no
 * key.
 */
class ZcapAccessIT {

    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "kms";
    private static final String MESSAGE = "{\"message\":\"" + b64("signed".getBytes(StandardCharsets.UTF_8)) + "\"}";
    private static final String TRUSTBLOC_COVERAGE = "(created)";

    private final CapabilityHolder creator = new CapabilityHolder();
    private final CapabilityHolder alice = new CapabilityHolder();
    private final CapabilityHolder bob = new CapabilityHolder();
    private final CapabilityHolder wallet = new CapabilityHolder();
    private KmsClient kms;
    private String host;

    @Test
    void onlyTheControllersAuthorityOpensAKeystore() throws Exception {
        KeyPair issuer = Jwts.rsa();
        Path data = Path.of(System.getProperty("kms.it.data"), "zcap-" + System.nanoTime());
        Files.createDirectories(data);
        // administrators bring bearer tokens in zcap mode too
        Map<String, String> settings = new HashMap<>(Jwts.settings(issuer, data, ISSUER, AUDIENCE));
        settings.put("kms.auth.type", "zcap");
        settings.put("kms.zcap.creators", creator.keyId().substring(0, creator.keyId().indexOf('#')));
        try (EmbeddedServer server = EmbeddedServer.start(data, "zcap", settings)) {
            kms = new KmsClient(server.baseUrl());
            host = URI.create(server.baseUrl()).getAuthority();
            String keystores = server.baseUrl() + "/v1/keystores";
            String create = "{\"controller\":\"" + alice.keyId() + "\"}";

            // creation: only signed by a listed creator, only for a did:key controller
            assertError(401, "unauthorized", kms.post(keystores, create));
            assertError(403, "forbidden", send(bob, "POST", keystores, create, null, null));
            assertError(400, "invalid_request", send(creator, "POST", keystores, "{\"controller\":\"did:example:a\"}",
                    null, null));
            Answer created = expect(200, send(creator, "POST", keystores, create, null, null));
            String keystore = created.string("key_store_url");
            JsonObject root = gunzip(created.string("capability"));
            assertEquals(keystore, root.getString("id"));
            assertEquals(alice.keyId(), root.getString("invoker"));
            assertEquals(keystore, root.getJsonObject("invocationTarget").getString("ID"));
            LinkedDataProofs.verify(Json.createObjectBuilder(root).remove("proof").build(),
                    root.getJsonArray("proof").getJsonObject(0));

            // the controller, with the root capability, for every kind of call
            String key = expect(200, send(alice, "POST", keystore + "/keys", "{\"key_type\":\"ED25519\"}", root,
                    "createKey")).string("key_url");
            String signature = expect(200, send(alice, "POST", key + "/sign", MESSAGE, root, "sign"))
                    .string("signature");
            String verify = "{\"signature\":\"" + signature + "\",\"message\":" + MESSAGE.substring(11);
            expect(200, send(alice, "POST", key + "/verify", verify, root, "verify"));
            assertEquals(alice.keyId(), expect(200, send(alice, "GET", keystore, null, root, "readKeystore"))
                    .string("owner"));
            expect(200, send(alice, "GET", key + "/export", null, root, "exportKey"));

            // no credential, a malformed one, one covering only (created) as TrustBloc's clients sign: 401
            assertError(401, "unauthorized", kms.post(key + "/sign", MESSAGE));
            Map<String, String> createdOnly = alice.invoke("POST", path(key + "/sign"), host, root, "sign",
                    bytes(MESSAGE), TRUSTBLOC_COVERAGE, now());
            assertError(401, "unauthorized", send(key + "/sign", "POST", MESSAGE, createdOnly));
            Map<String, String> garbled = new java.util.HashMap<>(headers(alice, "POST", key + "/sign", MESSAGE, root,
                    "sign"));
            garbled.put("capability-invocation", "zcap capability=\"AAAA\",action=\"sign\"");
            assertError(401, "unauthorized", send(key + "/sign", "POST", MESSAGE, garbled));
            Map<String, String> old = alice.invoke("POST", path(key + "/sign"), host, root, "sign", bytes(MESSAGE),
                    CapabilityHolder.COVERED, now() - 600);
            assertError(401, "unauthorized", send(key + "/sign", "POST", MESSAGE, old));

            // replays: a request that changes state again, or any request's headers on another route or with another
            // body; a read-only request may repeat (Ed25519 signs the same request the same way within a second)
            String create2 = "{\"key_type\":\"AES256GCM\"}";
            Map<String, String> once = headers(alice, "POST", keystore + "/keys", create2, root, "createKey");
            expect(200, send(keystore + "/keys", "POST", create2, once));
            assertError(401, "unauthorized", send(keystore + "/keys", "POST", create2, once));
            Map<String, String> twice = headers(alice, "POST", key + "/sign", MESSAGE, root, "sign");
            expect(200, send(key + "/sign", "POST", MESSAGE, twice));
            expect(200, send(key + "/sign", "POST", MESSAGE, twice));
            Map<String, String> toMove = headers(alice, "POST", key + "/sign", MESSAGE, root, "sign");
            assertError(401, "unauthorized", send(key + "/verify", "POST", MESSAGE, toMove));
            Map<String, String> toChange = headers(alice, "POST", key + "/sign", MESSAGE, root, "sign");
            String otherMessage = "{\"message\":\"" + b64(new byte[] {1}) + "\"}";
            assertError(401, "unauthorized", send(key + "/sign", "POST", otherMessage, toChange));

            // another subject with the root capability, or with its own forged root: 403
            assertError(403, "forbidden", send(bob, "POST", key + "/sign", MESSAGE, root, "sign"));
            JsonObject forged = Json.createObjectBuilder(root).add("invoker", bob.keyId()).build();
            assertError(403, "forbidden", send(bob, "POST", key + "/sign", MESSAGE, forged, "sign"));
            // the invoked action must be this route's
            assertError(403, "forbidden", send(alice, "POST", key + "/sign", MESSAGE, root, "decrypt"));

            // delegation of sign only: the wallet signs, and does nothing else
            JsonObject signOnly = alice.delegate(keystore, keystore, wallet.keyId(), List.of("sign"), null, null,
                    Instant.now());
            expect(200, send(wallet, "POST", key + "/sign", MESSAGE, signOnly, "sign"));
            assertError(403, "forbidden", send(wallet, "POST", key + "/verify", verify, signOnly, "verify"));
            assertError(403, "forbidden", send(wallet, "POST", keystore + "/keys", "{\"key_type\":\"ED25519\"}",
                    signOnly, "createKey"));
            assertError(403, "forbidden", send(bob, "POST", key + "/sign", MESSAGE, signOnly, "sign"));
            // expired: by a signed expires, by TrustBloc's expiry caveat
            JsonObject expired = alice.delegate(keystore, keystore, wallet.keyId(), List.of("sign"),
                    Instant.now().minusSeconds(1), null, Instant.now().minusSeconds(60));
            assertError(403, "forbidden", send(wallet, "POST", key + "/sign", MESSAGE, expired, "sign"));
            JsonObject caveat = alice.delegate(keystore, keystore, wallet.keyId(), List.of("sign"), null, 10L,
                    Instant.now().minusSeconds(60));
            assertError(403, "forbidden", send(wallet, "POST", key + "/sign", MESSAGE, caveat, "sign"));
            // a delegation that is not the controller's
            JsonObject bobs = bob.delegate(keystore, keystore, wallet.keyId(), List.of("sign"), null, null,
                    Instant.now());
            assertError(403, "forbidden", send(wallet, "POST", key + "/sign", MESSAGE, bobs, "sign"));

            // an administrator's bearer token: lists, reads metadata, checks the audit trail, uses no key
            String admin = Jwts.token(issuer, "carol", List.of("kms-admin"), ISSUER, AUDIENCE, 300);
            assertTrue(expect(200, bearer("GET", keystores, admin)).json().getJsonArray("keystores").size() >= 1);
            expect(200, bearer("GET", keystore, admin));
            assertTrue(expect(200, bearer("GET", server.baseUrl() + "/v1/audit/verify", admin)).json()
                    .getBoolean("intact"));
            assertError(403, "forbidden", kms.send(HttpRequest.newBuilder(URI.create(key + "/sign"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.ofString(MESSAGE))));
            assertError(401, "unauthorized", kms.get(keystores));
        }
    }

    private Answer send(CapabilityHolder signer, String method, String url, String body, JsonObject capability,
            String action) {
        return send(url, method, body, headers(signer, method, url, body, capability, action));
    }

    private Map<String, String> headers(CapabilityHolder signer, String method, String url, String body,
            JsonObject capability, String action) {
        return signer.invoke(method, path(url), host, capability, action, bytes(body),
                capability == null ? "(request-target) host (created) digest" : CapabilityHolder.COVERED, now());
    }

    private Answer send(String url, String method, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        return kms.send(request);
    }

    private Answer bearer(String method, String url, String token) {
        return kms.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** The {@code capability} of a create answer: standard base64 of gzip, as Go encodes a []byte field. */
    private static JsonObject gunzip(String capability) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(capability)))) {
            return Json.createReader(in).readObject();
        }
    }

    private static void assertError(int status, String code, Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(code, answer.code(), answer.body());
    }
}
