package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eekms.it.KmsClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * {@code KMS_AUTH_TYPE=jwt} on the embedded server: MicroProfile JWT bearer tokens validated by Payara Micro
 * ({@code mp.jwt.verify.publickey.location}, issuer, audience), keystores bound to the subject that created them,
 * an admin group that lists and reads but uses no key. The tokens are RS256 JWS made here with the JDK.
 */
class JwtAccessIT {

    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "kms";
    private static final String MESSAGE = "{\"message\":\"" + b64("signed".getBytes(StandardCharsets.UTF_8)) + "\"}";

    @Test
    void onlyTheOwnerUsesAKeystoreAndAdminsOnlyAdminister() throws Exception {
        KeyPair issuer = Jwts.rsa();
        Path data = Path.of(System.getProperty("kms.it.data"), "jwt-" + System.nanoTime());
        Files.createDirectories(data);
        try (EmbeddedServer server = EmbeddedServer.start(data, "jwt", settings(issuer, data))) {
            checkJwtMode(server.baseUrl(), issuer);
        }
    }

    /** The settings of {@code KMS_AUTH_TYPE=jwt} trusting {@code issuer}'s key, written into {@code data}. */
    static Map<String, String> settings(KeyPair issuer, Path data) throws java.io.IOException {
        Map<String, String> settings = new HashMap<>(Jwts.settings(issuer, data, ISSUER, AUDIENCE));
        settings.put("kms.auth.type", "jwt");
        return settings;
    }

    /** Every check of jwt mode against a server started with {@link #settings}; also run on WildFly. */
    static void checkJwtMode(String baseUrl, KeyPair issuer) throws Exception {
        KeyPair stranger = Jwts.rsa();
        KmsClient kms = new KmsClient(baseUrl);
        String alice = Jwts.token(issuer, "alice", List.of("wallet"), ISSUER, AUDIENCE, 300);
        String bob = Jwts.token(issuer, "bob", List.of("wallet"), ISSUER, AUDIENCE, 300);
        String admin = Jwts.token(issuer, "carol", List.of("kms-admin"), ISSUER, AUDIENCE, 300);

        // no token: 401 with the JSON body and a Bearer challenge
        Answer anonymous = kms.post(baseUrl + "/v1/keystores", "{\"controller\":\"did:example:a\"}");
        assertError(401, "unauthorized", anonymous);

        // the owner: creates, creates a key, signs, reads the metadata
        String keystore = expect(200, send(kms, "POST", baseUrl + "/v1/keystores",
                "{\"controller\":\"did:example:alice\"}", alice)).string("key_store_url");
        String key = expect(200, send(kms, "POST", keystore + "/keys", "{\"key_type\":\"ED25519\"}", alice))
                .string("key_url");
        expect(200, send(kms, "POST", key + "/sign", MESSAGE, alice));
        assertEquals("alice", expect(200, send(kms, "GET", keystore, null, alice)).string("owner"));

        // another subject: 403 on every use, cached key or not
        assertError(403, "forbidden", send(kms, "POST", key + "/sign", MESSAGE, bob));
        assertError(403, "forbidden", send(kms, "GET", keystore + "/keys", null, bob));
        assertError(403, "forbidden", send(kms, "POST", keystore + "/keys", "{\"key_type\":\"ED25519\"}", bob));
        assertError(403, "forbidden", send(kms, "GET", keystore, null, bob));
        assertError(403, "forbidden", send(kms, "DELETE", key, null, bob));
        assertError(401, "unauthorized", kms.post(key + "/sign", MESSAGE));

        // the admin group: lists keystores, reads metadata and the audit check, uses no key
        Answer list = expect(200, send(kms, "GET", baseUrl + "/v1/keystores", null, admin));
        assertTrue(list.json().getJsonArray("keystores").size() >= 1, list.body());
        assertError(400, "invalid_request", send(kms, "GET", baseUrl + "/v1/keystores?max=lots", null,
                admin));
        expect(200, send(kms, "GET", keystore, null, admin));
        assertTrue(expect(200, send(kms, "GET", baseUrl + "/v1/audit/verify", null, admin)).json()
                .getBoolean("intact"));
        assertError(403, "forbidden", send(kms, "POST", key + "/sign", MESSAGE, admin));
        assertError(403, "forbidden", send(kms, "GET", baseUrl + "/v1/keystores", null, alice));
        assertError(403, "forbidden", send(kms, "GET", baseUrl + "/v1/audit/verify", null, alice));

        // tokens the container refuses: expired, another issuer, another audience, another signer, garbage
        for (String refused : List.of(
                Jwts.token(issuer, "alice", List.of(), ISSUER, AUDIENCE, -120),
                Jwts.token(issuer, "alice", List.of(), "https://other.example", AUDIENCE, 300),
                Jwts.token(issuer, "alice", List.of(), ISSUER, "other", 300),
                Jwts.token(stranger, "alice", List.of(), ISSUER, AUDIENCE, 300),
                "not.a.token")) {
            assertError(401, "unauthorized", send(kms, "POST", key + "/sign", MESSAGE, refused));
        }
        expect(200, send(kms, "POST", key + "/sign", MESSAGE, alice));
    }

    private static void assertError(int status, String code, Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(code, answer.code(), answer.body());
    }

    private static Answer send(KmsClient kms, String method, String url, String body, String token) {
        return kms.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }
}
