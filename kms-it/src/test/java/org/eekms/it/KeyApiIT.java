package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.eekms.it.KmsClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eekms.it.KmsClient.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webkms API over HTTP against the real kms-micro WAR on Payara Micro: wire format, every key type, rotation,
 * lifecycle and every negative path. Signatures are checked with the JDK, an implementation independent of the
 * server's (BouncyCastle and Tink). One class, because every Payara Micro IT class boots its own server.
 */
@ExtendWith(ArquillianExtension.class)
class KeyApiIT {

    private static final byte[] MESSAGE = "the quick brown fox".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_MESSAGE = "the quick brown cat".getBytes(StandardCharsets.UTF_8);

    @Deployment(testable = false)
    static Archive<?> deployment() {
        return Deployments.kms();
    }

    @ArquillianResource
    URL base;

    private KmsClient kms;
    private String keystore;

    @BeforeEach
    void keystore() {
        kms = new KmsClient(base.toString());
        keystore = kms.createKeystore();
    }

    @Test
    void createsKeystoresAtAbsoluteUrlsWithMetadata() {
        assertTrue(keystore.matches("http://[^/]+(/[a-z-]+)?/v1/keystores/[0-9a-v]{20}"), keystore);
        JsonObject metadata = expect(200, kms.get(keystore)).json();
        assertEquals("did:example:alice", metadata.getString("controller"));
        assertEquals("key", metadata.getJsonObject("secret_lock").getString("type"));
        assertEquals(keystore, metadata.getString("key_store_url"));
    }

    @Test
    void healthSaysLiveAndReadyWithEachDependency() throws Exception {
        // MicroProfile Health lives at the server's root, whatever the application's context root (on WildFly, at
        // its management port's)
        String health = System.getProperty("kms.health.url", base.toURI().resolve("/health").toString());
        JsonObject live = expect(200, kms.get(health + "/live")).json();
        assertEquals("UP", live.getString("status"));
        JsonObject ready = expect(200, kms.get(health + "/ready")).json();
        assertEquals("UP", ready.getString("status"), ready.toString());
        java.util.Map<String, String> checks = new java.util.TreeMap<>();
        ready.getJsonArray("checks").getValuesAs(JsonObject.class)
                .forEach(check -> checks.put(check.getString("name"), check.getString("status")));
        if (Boolean.parseBoolean(System.getProperty("kms.health.application-checks", "true"))) {
            // the server may add checks of its own
            for (String check : List.of("auth-server", "database", "master-lock")) {
                assertEquals("UP", checks.get(check), check + " in " + checks);
            }
        } else {
            // WildFly 39 does not collect the checks of an EAR's modules (seen with them in the EJB module and in
            // the web module); it reports the deployment's own state instead (see the site's operations notes)
            assertEquals("UP", checks.get("deployments-status"), checks.toString());
        }
    }

    @Test
    void openApiDescribesTheWireNamesAndEncodings() throws Exception {
        Answer answer = kms.send(java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/openapi"))
                .header("Accept", "application/json"));
        if (!Boolean.parseBoolean(System.getProperty("kms.openapi", "true"))) {
            assertEquals(404, answer.status(), "WildFly's standalone.xml serves no OpenAPI document");
            return;
        }
        JsonObject openapi = expect(200, answer).json();
        JsonObject paths = openapi.getJsonObject("paths");
        for (String path : List.of("/v1/keystores", "/v1/keystores/{keystore}/keys",
                "/v1/keystores/{keystore}/keys/{key}/sign", "/v1/keystores/{keystore}/keys/{key}/export")) {
            assertTrue(paths.containsKey(path), path);
        }
        if (!Boolean.parseBoolean(System.getProperty("kms.openapi.wire-names", "true"))) {
            // Payara Server builds an EAR's document with the EAR's class loader and configuration, which see
            // neither the web module's mp.openapi.filter nor its classes: the generator's own names stay
            assertEquals("Deployed Resources", openapi.getJsonObject("info").getString("title"));
            return;
        }
        assertEquals("EE KMS", openapi.getJsonObject("info").getString("title"));
        JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
        assertEquals(java.util.Set.of("key_store_url", "capability"),
                schemas.getJsonObject("CreateKeystoreResponse").getJsonObject("properties").keySet());
        JsonObject publicKey = schemas.getJsonObject("ExportKeyResponse").getJsonObject("properties")
                .getJsonObject("public_key");
        assertEquals("string", publicKey.getString("type"));
        assertEquals("byte", publicKey.getString("format"));
    }

    @Test
    void metricsTimeOperationsByKeyTypeAndOutcomeAndCountCacheHits() {
        String key = kms.createKeyUrl(keystore, "ED25519");
        String sign = "{\"message\":\"" + b64(MESSAGE) + "\"}";
        expect(200, kms.post(key + "/sign", sign));
        expect(200, kms.post(key + "/sign", sign));
        kms.post(key + "/verify", "{\"signature\":\"" + b64(new byte[64]) + "\",\"message\":\"" + b64(MESSAGE) + "\"}");
        Answer scrape = kms.get(kms.base() + "/v1/admin/metrics");
        assertEquals(200, scrape.status(), scrape.body());
        String metrics = scrape.body();
        assertTrue(metrics.matches("(?s).*kms_operations_seconds_count\\{[^}]*key_type=\"ED25519\"[^}]*operation=\"sign\""
                + "[^}]*outcome=\"ok\"[^}]*} [1-9].*"), metrics);
        assertTrue(metrics.matches("(?s).*kms_operations_seconds_count\\{[^}]*operation=\"verify\""
                + "[^}]*outcome=\"verification_failed\"[^}]*} [1-9].*"), metrics);
        assertTrue(metrics.matches("(?s).*cache_gets_total\\{cache=\"keys\"[^}]*result=\"hit\"[^}]*} [1-9].*"), metrics);
    }

    @Test
    void refusesKeystoresWithoutController() {
        Answer answer = kms.post(kms.base() + "/v1/keystores", "{\"edv\":null}");
        assertEquals(400, answer.status());
        assertEquals("controller must be non-empty", answer.string("message"));
        assertEquals(answer.string("message"), answer.string("errMessage"));
    }

    @Test
    void ed25519KeyIdIsTheThumbprintAndSignaturesVerifyWithTheJdk() throws Exception {
        Answer created = expect(200, kms.createKey(keystore, "ED25519"));
        byte[] publicKey = created.bytes("public_key");
        assertEquals(32, publicKey.length);
        String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey) + "\"}";
        String thumbprint = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
        String keyUrl = created.string("key_url");
        assertTrue(keyUrl.endsWith("/keys/" + thumbprint), keyUrl);

        byte[] signature = sign(keyUrl, MESSAGE);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(ed25519PublicKey(publicKey));
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signature));
        expect(200, verify(keyUrl, signature, MESSAGE));
        assertEquals("", verify(keyUrl, signature, MESSAGE).body());
    }

    @Test
    void ecdsaSignaturesInBothEncodingsVerifyWithTheJdk() throws Exception {
        Map<String, String> algorithms = Map.of(
                "ECDSAP256DER", "SHA256withECDSA", "ECDSAP384DER", "SHA384withECDSA",
                "ECDSAP521DER", "SHA512withECDSA", "ECDSAP256IEEEP1363", "SHA256withECDSAinP1363Format",
                "ECDSAP384IEEEP1363", "SHA384withECDSAinP1363Format",
                "ECDSAP521IEEEP1363", "SHA512withECDSAinP1363Format");
        for (var entry : algorithms.entrySet()) {
            Answer created = expect(200, kms.createKey(keystore, entry.getKey()));
            String keyUrl = created.string("key_url");
            byte[] exported = expect(200, kms.get(keyUrl + "/export")).bytes("public_key");
            assertArrayEquals(created.bytes("public_key"), exported);
            PublicKey publicKey = entry.getKey().endsWith("DER")
                    ? KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(exported))
                    : ecPublicKeyFromPoint(exported);
            byte[] signature = sign(keyUrl, MESSAGE);
            Signature jdk = Signature.getInstance(entry.getValue());
            jdk.initVerify(publicKey);
            jdk.update(MESSAGE);
            assertTrue(jdk.verify(signature), entry.getKey());
            expect(200, verify(keyUrl, signature, MESSAGE));
            assertEquals("verification_failed", verify(keyUrl, signature, OTHER_MESSAGE).code(), entry.getKey());
        }
    }

    @Test
    void importedPkcs8KeysSignAndVerifyWithTheJdk() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String body = json().add("key", b64(pair.getPrivate().getEncoded()))
                .add("key_type", "ECDSAP256IEEEP1363").add("key_id", "keyID").build().toString();
        Answer imported = expect(200, kms.put(keystore + "/keys", body));
        String keyUrl = imported.string("key_url");
        assertTrue(keyUrl.endsWith("/keys/keyID"), keyUrl);

        byte[] signature = sign(keyUrl, MESSAGE);
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initVerify(pair.getPublic());
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signature));

        jdk.initSign(pair.getPrivate());
        jdk.update(OTHER_MESSAGE);
        expect(200, verify(keyUrl, jdk.sign(), OTHER_MESSAGE));

        assertEquals(409, kms.put(keystore + "/keys", body).status());
        String otherKeystore = kms.createKeystore();
        expect(200, kms.put(otherKeystore + "/keys", body)); // key ids are unique per keystore only

        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        String edBody = json().add("key", b64(ed.generateKeyPair().getPrivate().getEncoded()))
                .add("key_type", "ED25519").build().toString();
        expect(200, kms.put(keystore + "/keys", edBody));
        String wrongCurve = json().add("key", b64(pair.getPrivate().getEncoded()))
                .add("key_type", "ECDSAP384DER").build().toString();
        assertEquals(400, kms.put(keystore + "/keys", wrongCurve).status());
        String symmetric = json().add("key", b64(pair.getPrivate().getEncoded()))
                .add("key_type", "AES256GCM").build().toString();
        assertEquals(400, kms.put(keystore + "/keys", symmetric).status());
    }

    @Test
    void aeadKeysEncryptAndDecryptWithAssociatedData() {
        for (String type : List.of("AES128GCM", "AES256GCM", "AES256GCMNoPrefix", "ChaCha20Poly1305",
                "XChaCha20Poly1305")) {
            Answer created = expect(200, kms.createKey(keystore, type));
            assertTrue(created.json().isNull("public_key"), type);
            String keyUrl = created.string("key_url");
            Answer encrypted = expect(200, encrypt(keyUrl, MESSAGE, "aad".getBytes(StandardCharsets.UTF_8)));
            byte[] ciphertext = encrypted.bytes("ciphertext");
            byte[] nonce = encrypted.bytes("nonce");
            assertEquals(type.startsWith("X") ? 24 : 12, nonce.length, type);
            assertEquals(MESSAGE.length + 16, ciphertext.length, type);
            Answer decrypted = expect(200, decrypt(keyUrl, ciphertext, nonce, "aad".getBytes(StandardCharsets.UTF_8)));
            assertArrayEquals(MESSAGE, decrypted.bytes("plaintext"), type);

            assertEquals("decryption_failed",
                    decrypt(keyUrl, ciphertext, nonce, "other".getBytes(StandardCharsets.UTF_8)).code(), type);
            byte[] tampered = ciphertext.clone();
            tampered[0] ^= 1;
            assertEquals("decryption_failed",
                    decrypt(keyUrl, tampered, nonce, "aad".getBytes(StandardCharsets.UTF_8)).code(), type);
            assertEquals(400, decrypt(keyUrl, ciphertext, new byte[5], null).status(), type);
            assertEquals(400, kms.get(keyUrl + "/export").status(), type);
        }
    }

    @Test
    void macsCarryTinksPrefixAndTamperedOnesFail() {
        String keyUrl = kms.createKeyUrl(keystore, "HMACSHA256Tag256");
        byte[] mac = expect(200, kms.post(keyUrl + "/computemac", json().add("data", b64(MESSAGE)).build()
                .toString())).bytes("mac");
        assertEquals(37, mac.length);
        assertEquals(1, mac[0]);
        expect(200, verifyMac(keyUrl, mac, MESSAGE));
        assertEquals("verification_failed", verifyMac(keyUrl, mac, OTHER_MESSAGE).code());
        byte[] tampered = mac.clone();
        tampered[36] ^= 1;
        assertEquals(400, verifyMac(keyUrl, tampered, MESSAGE).status());
        assertEquals(400, verifyMac(keyUrl, Arrays.copyOf(mac, 20), MESSAGE).status());
        String otherKey = kms.createKeyUrl(keystore, "HMACSHA256Tag256");
        assertEquals(400, verifyMac(otherKey, mac, MESSAGE).status());
    }

    @Test
    void rotationKeepsTheOldUrlAndEveryVersionVerifiesAndDecrypts() throws Exception {
        String signingKey = kms.createKeyUrl(keystore, "ED25519");
        byte[] before = sign(signingKey, MESSAGE);
        String rotated = expect(200, kms.post(signingKey + "/rotate", "{\"key_type\":\"ED25519\"}"))
                .string("key_url");
        assertNotEquals(signingKey, rotated);
        byte[] after = sign(signingKey, MESSAGE);
        assertFalse(Arrays.equals(before, after));
        byte[] newPublicKey = expect(200, kms.get(signingKey + "/export")).bytes("public_key");
        assertArrayEquals(newPublicKey, expect(200, kms.get(rotated + "/export")).bytes("public_key"));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(ed25519PublicKey(newPublicKey));
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(after));
        expect(200, verify(rotated, before, MESSAGE));
        expect(200, verify(signingKey, after, MESSAGE));

        String aead = kms.createKeyUrl(keystore, "AES256GCM");
        Answer old = expect(200, encrypt(aead, MESSAGE, null));
        String newAead = expect(200, kms.post(aead + "/rotate", "{}")).string("key_url");
        assertArrayEquals(MESSAGE, expect(200, decrypt(newAead, old.bytes("ciphertext"), old.bytes("nonce"), null))
                .bytes("plaintext"));
        assertEquals(400, kms.post(aead + "/rotate", "{\"key_type\":\"ED25519\"}").status());

        List<String> listed = expect(200, kms.get(keystore + "/keys")).json().getJsonArray("keys")
                .getValuesAs(JsonObject.class).stream().map(k -> k.getString("key_url")).toList();
        assertEquals(List.of(rotated, newAead), listed);
    }

    @Test
    void deletedKeysAnswer404UnderEveryIdTheyHad() {
        String keyUrl = kms.createKeyUrl(keystore, "ED25519");
        sign(keyUrl, MESSAGE);
        String rotated = expect(200, kms.post(keyUrl + "/rotate", "{}")).string("key_url");
        expect(200, kms.delete(rotated));
        for (String url : List.of(keyUrl, rotated)) {
            Answer answer = kms.post(url + "/sign", json().add("message", b64(MESSAGE)).build().toString());
            assertEquals(404, answer.status());
            assertEquals("key_not_found", answer.code());
        }
        assertEquals(404, kms.delete(rotated).status());
        assertEquals(0, expect(200, kms.get(keystore + "/keys")).json().getJsonArray("keys").size());
    }

    @Test
    void unknownKeystoresAndKeysAnswer404() {
        assertEquals("keystore_not_found",
                kms.get(kms.base() + "/v1/keystores/c7v2k2mr0ui3e8a215n0/keys/abc/export").code());
        assertEquals("keystore_not_found", kms.get(kms.base() + "/v1/keystores/c7v2k2mr0ui3e8a215n0").code());
        assertEquals("key_not_found", kms.get(keystore + "/keys/abc/export").code());
        assertEquals("key_not_found", kms.post(keystore + "/keys/abc/sign", "{\"message\":\"\"}").code());
        assertEquals(404, kms.get(kms.base() + "/no/such/path").status());
    }

    @Test
    void malformedRequestsGetAJsonErrorAndChangeNothing() {
        String keyUrl = kms.createKeyUrl(keystore, "ED25519");
        for (String body : List.of("{\"message\":", "[1,2]", "{\"message\":\"not base64!\"}",
                "{\"message\":\"_-8=\"}", "{\"message\":42}", "")) {
            Answer answer = kms.post(keyUrl + "/sign", body);
            assertEquals(400, answer.status(), body);
            assertTrue(answer.json().containsKey("errMessage"), body);
        }
        Answer unknownType = kms.createKey(keystore, "RSARS256");
        assertEquals(400, unknownType.status());
        assertEquals("unsupported_key_type", unknownType.code());
        assertEquals("unsupported_operation",
                kms.post(keyUrl + "/encrypt", json().add("message", b64(MESSAGE)).build().toString()).code());
        assertEquals(1, expect(200, kms.get(keystore + "/keys")).json().getJsonArray("keys").size());
    }

    @Test
    void acceptsWhatGoClientsSend() {
        Answer created = kms.send(HttpRequest.newBuilder(URI.create(keystore + "/keys"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Key_Type\":\"ED25519\",\"attrs\":null,\"x\":1}")));
        String keyUrl = expect(200, created).string("key_url");
        Answer signed = kms.send(HttpRequest.newBuilder(URI.create(keyUrl + "/sign"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"MESSAGE\":null}")));
        assertEquals(64, expect(200, signed).bytes("signature").length);
        assertEquals("success", expect(200, kms.get(kms.base() + "/healthcheck")).string("status"));
    }

    @Test
    void batchesAnswerEveryItemInOrderAndFailItemsAlone() throws Exception {
        String signingKey = kms.createKeyUrl(keystore, "ED25519");
        byte[] publicKey = expect(200, kms.get(signingKey + "/export")).bytes("public_key");
        var items = jakarta.json.Json.createArrayBuilder();
        for (int i = 0; i < 3; i++) {
            items.add(json().add("message", b64(("item " + i).getBytes(StandardCharsets.UTF_8))));
        }
        var signed = expect(200, kms.post(signingKey + "/batch/sign", json().add("items", items).build().toString()))
                .json().getJsonArray("results");
        assertEquals(3, signed.size());
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(ed25519PublicKey(publicKey));
        jdk.update("item 2".getBytes(StandardCharsets.UTF_8));
        assertTrue(jdk.verify(Base64.getDecoder().decode(signed.getJsonObject(2).getString("signature"))));

        String verifyBody = json().add("items", jakarta.json.Json.createArrayBuilder()
                .add(json().add("signature", signed.getJsonObject(0).getString("signature"))
                        .add("message", b64("item 0".getBytes(StandardCharsets.UTF_8))))
                .add(json().add("signature", signed.getJsonObject(1).getString("signature"))
                        .add("message", b64("tampered".getBytes(StandardCharsets.UTF_8))))).build().toString();
        var verified = expect(200, kms.post(signingKey + "/batch/verify", verifyBody)).json().getJsonArray("results");
        assertEquals(0, verified.getJsonObject(0).size());
        assertEquals("verification_failed", verified.getJsonObject(1).getJsonObject("error").getString("code"));
        assertEquals(400, verified.getJsonObject(1).getInt("status"));

        String aead = kms.createKeyUrl(keystore, "AES256GCM");
        String encryptBody = json().add("items", jakarta.json.Json.createArrayBuilder()
                .add(json().add("message", b64(MESSAGE)).add("associated_data", b64(OTHER_MESSAGE)))
                .add(json().add("message", b64(OTHER_MESSAGE)))).build().toString();
        var encrypted = expect(200, kms.post(aead + "/batch/encrypt", encryptBody)).json().getJsonArray("results");
        String decryptBody = json().add("items", jakarta.json.Json.createArrayBuilder()
                .add(json().add("ciphertext", encrypted.getJsonObject(0).getString("ciphertext"))
                        .add("nonce", encrypted.getJsonObject(0).getString("nonce"))
                        .add("associated_data", b64(OTHER_MESSAGE)))
                .add(json().add("ciphertext", encrypted.getJsonObject(1).getString("ciphertext"))
                        .add("nonce", encrypted.getJsonObject(1).getString("nonce"))
                        .add("associated_data", b64(MESSAGE)))).build().toString();
        var decrypted = expect(200, kms.post(aead + "/batch/decrypt", decryptBody)).json().getJsonArray("results");
        assertArrayEquals(MESSAGE, Base64.getDecoder().decode(decrypted.getJsonObject(0).getString("plaintext")));
        assertEquals("decryption_failed", decrypted.getJsonObject(1).getJsonObject("error").getString("code"));

        String mac = kms.createKeyUrl(keystore, "HMACSHA256Tag256");
        var macs = expect(200, kms.post(mac + "/batch/computemac", json().add("items",
                jakarta.json.Json.createArrayBuilder().add(json().add("data", b64(MESSAGE)))).build().toString()))
                .json().getJsonArray("results");
        expect(200, verifyMac(mac, Base64.getDecoder().decode(macs.getJsonObject(0).getString("mac")), MESSAGE));
        var macChecks = expect(200, kms.post(mac + "/batch/verifymac", json().add("items",
                jakarta.json.Json.createArrayBuilder().add(json().add("mac", macs.getJsonObject(0).getString("mac"))
                        .add("data", b64(OTHER_MESSAGE)))).build().toString())).json().getJsonArray("results");
        assertEquals("verification_failed", macChecks.getJsonObject(0).getJsonObject("error").getString("code"));

        assertEquals(400, kms.post(signingKey + "/batch/sign", "{\"items\":[]}").status());
        assertEquals(400, kms.post(signingKey + "/batch/sign", "{\"items\":[null]}").status());
        var tooMany = jakarta.json.Json.createArrayBuilder();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(json().add("message", ""));
        }
        assertEquals(400, kms.post(signingKey + "/batch/sign", json().add("items", tooMany).build().toString())
                .status());
        assertEquals(404, kms.post(keystore + "/keys/nope/batch/sign", "{\"items\":[{\"message\":\"\"}]}")
                .status());
    }

    @Test
    void keystoresLockedBySecretsTheRequestsBringOpenWithThoseSecretsOnly() {
        String hkdfSecret = b64("a high-entropy secret of 32 bytes".getBytes(StandardCharsets.UTF_8));
        String passphrase = b64("correct horse battery staple".getBytes(StandardCharsets.UTF_8));
        for (var lock : Map.of("hkdf", hkdfSecret, "passphrase", passphrase).entrySet()) {
            String body = "{\"controller\":\"did:example:alice\",\"secret_lock\":{\"type\":\"" + lock.getKey() + "\"}}";
            assertEquals(400, kms.post(kms.base() + "/v1/keystores", body).status(), lock.getKey());
            String store = expect(200, withSecret(kms.base() + "/v1/keystores", "POST", body, lock.getValue()))
                    .string("key_store_url");
            JsonObject metadata = expect(200, kms.get(store)).json().getJsonObject("secret_lock");
            assertEquals(lock.getKey(), metadata.getString("type"));
            String keyUrl = expect(200, withSecret(store + "/keys", "POST", "{\"key_type\":\"ED25519\"}",
                    lock.getValue())).string("key_url");
            String signBody = json().add("message", b64(MESSAGE)).build().toString();
            expect(200, withSecret(keyUrl + "/sign", "POST", signBody, lock.getValue()));
            assertEquals(400, kms.post(keyUrl + "/sign", signBody).status(), lock.getKey());
            Answer wrong = withSecret(keyUrl + "/sign", "POST", signBody, b64(new byte[32]));
            assertEquals(403, wrong.status(), lock.getKey());
            assertEquals("forbidden", wrong.code());
        }
    }

    private Answer withSecret(String url, String method, String body, String secret) {
        return kms.send(HttpRequest.newBuilder(URI.create(url)).header("Keystore-Secret", secret)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void oversizeBodiesAre413BeforeTheyAreRead() throws Exception {
        URI uri = URI.create(kms.createKeyUrl(keystore, "ED25519") + "/sign");
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + 3 * 1024 * 1024
                    + "\r\n\r\n{\"message\":\"";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // read what arrives (the server answers without waiting for the body it will never read)
            var in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!answer.toString().contains("body_too_large")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer.toString());
            boolean errorBody = answer.toString().contains("\"code\":\"body_too_large\"");
            assertTrue(errorBody, "413 answer carries the JSON error body");
        }
    }

    @Test
    void signingAndEncryptingWhileKeysRotateNeverFailsAndEveryResultVerifies() throws Exception {
        String signingKey = kms.createKeyUrl(keystore, "ED25519");
        String aeadKey = kms.createKeyUrl(keystore, "AES256GCM");
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<List<byte[][]>>> workers = new java.util.ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                List<byte[][]> results = new java.util.ArrayList<>();
                for (int i = 0; !done.get() || i < 5; i++) {
                    byte[] message = ("worker " + worker + " message " + i).getBytes(StandardCharsets.UTF_8);
                    if (worker % 2 == 0) {
                        results.add(new byte[][] {message, sign(signingKey, message)});
                    } else {
                        Answer encrypted = expect(200, encrypt(aeadKey, message, null));
                        results.add(new byte[][] {message, encrypted.bytes("ciphertext"), encrypted.bytes("nonce")});
                    }
                }
                return results;
            }));
        }
        for (int rotation = 0; rotation < 5; rotation++) {
            expect(200, kms.post(signingKey + "/rotate", "{}"));
            expect(200, kms.post(aeadKey + "/rotate", "{}"));
            Thread.sleep(50);
        }
        done.set(true);
        int checked = 0;
        for (var future : workers) {
            for (byte[][] result : future.get(120, java.util.concurrent.TimeUnit.SECONDS)) {
                if (result.length == 2) {
                    expect(200, verify(signingKey, result[1], result[0]));
                } else {
                    assertArrayEquals(result[0], expect(200, decrypt(aeadKey, result[1], result[2], null))
                            .bytes("plaintext"));
                }
                checked++;
            }
        }
        pool.shutdown();
        assertTrue(checked >= 30, "results checked: " + checked);
        assertEquals(2, expect(200, kms.get(keystore + "/keys")).json().getJsonArray("keys").size());
    }

    private byte[] sign(String keyUrl, byte[] message) {
        return expect(200, kms.post(keyUrl + "/sign", json().add("message", b64(message)).build().toString()))
                .bytes("signature");
    }

    private Answer verify(String keyUrl, byte[] signature, byte[] message) {
        return kms.post(keyUrl + "/verify",
                json().add("signature", b64(signature)).add("message", b64(message)).build().toString());
    }

    private Answer verifyMac(String keyUrl, byte[] mac, byte[] data) {
        return kms.post(keyUrl + "/verifymac", json().add("mac", b64(mac)).add("data", b64(data)).build().toString());
    }

    private Answer encrypt(String keyUrl, byte[] message, byte[] associatedData) {
        var body = json().add("message", b64(message));
        if (associatedData != null) {
            body.add("associated_data", b64(associatedData));
        }
        return kms.post(keyUrl + "/encrypt", body.build().toString());
    }

    private Answer decrypt(String keyUrl, byte[] ciphertext, byte[] nonce, byte[] associatedData) {
        var body = json().add("ciphertext", b64(ciphertext)).add("nonce", b64(nonce));
        if (associatedData != null) {
            body.add("associated_data", b64(associatedData));
        }
        return kms.post(keyUrl + "/decrypt", body.build().toString());
    }

    static PublicKey ed25519PublicKey(byte[] raw) throws Exception {
        byte[] spki = new byte[12 + 32];
        System.arraycopy(Base64.getDecoder().decode("MCowBQYDK2VwAyEA"), 0, spki, 0, 12);
        System.arraycopy(raw, 0, spki, 12, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    static PublicKey ecPublicKeyFromPoint(byte[] point) throws Exception {
        int size = (point.length - 1) / 2;
        String curve = switch (size) {
            case 32 -> "secp256r1";
            case 48 -> "secp384r1";
            default -> "secp521r1";
        };
        var parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        var spec = parameters.getParameterSpec(java.security.spec.ECParameterSpec.class);
        var w = new java.security.spec.ECPoint(new java.math.BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
                new java.math.BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
        return KeyFactory.getInstance("EC").generatePublic(new java.security.spec.ECPublicKeySpec(w, spec));
    }
}
