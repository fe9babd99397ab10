package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.eekms.it.KmsClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.eekms.it.KmsClient.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * BBS+ (BLS12381G2 keys) over HTTP, in TrustBloc's wire format (webkms reference §3.10): create, export, key id,
 * signmulti, verifymulti, deriveproof, verifyproof, their batch forms, a proof made by AFGo (Go) checked by the
 * server, and the answers to wrong requests.
 */
@ExtendWith(ArquillianExtension.class)
class BbsIT {

    private static final List<byte[]> MESSAGES = List.of(utf8("name: Alice"), utf8("born: 1990"), utf8("degree: BSc"),
            utf8("gpa: 3.9"), utf8("issuer: did:example:u"));
    private static final byte[] NONCE = utf8("challenge 7");

    /**
     * Made by AFGo's bbs12381g2pub: hyperledger/aries-framework-go
     * component/kmscrypto/crypto/primitive/bbs12381g2pub/bbs_test.go, TestBBSG2Pub_VerifyProof_SeveralDisclosedMessages
     * (messages message1…message4, message1 and message3 revealed, nonce "nonce") and TestBlsG2Pub_Verify.
     */
    private static final String GO_PROOF_PUBLIC_KEY = "l0Wtf3gy5f140G5vCoCJw2420hwk6Xw65/DX3ycv1W7/eMky8DyExw+o1s2bmq3sEIJatkiN8f5D4k0766x0UvfbupFX+vVkeqnlOvT6o2cag2osQdMFbBQqAybOM4Gm";
    private static final String GO_PROOF = "AAQFpAE2VALtmriOzSMk/oqid4uJhPQRUVUuyenL/L4w4ykdyh0jCX64EFqCdLP+n8VrkOKXhHPKPoCOdHBOMv96aM15NFg867/MToMeNN0IFzZkzhs37qk1vWWFKReMF+cRsCAmkHO6An1goNHdY/4XquSV3LwykezraWt8+8bLvVn6ciaXBVxVcYkbIXRsVjqbAAAAdIl/C/W5G1pDbLMrUrBAYdpvzGHG25gktAuUFZb/SkIyy0uhtWJk2v6A+D3zkoEBsgAAAAJY/jfJR9kpGbSY5pfz+qPkqyNOTJbs6OEpfBwYGsyC7hspvBGUOYyvuKlS8SvKAXW7hVawAhYJbvnRwzeiP6P9kbZKtLQZIkRQB+mxRSbMk/0JgE1jApHOlPtgbqI9yIouhK9xT2wVZl79qTAwifonAAAABDTDo5VtXR2gloy+au7ai0wcnnzjMJ6ztQHRI1ApV5VuOQ19TYL7SW+C90p3QSZFQ5gtl90PHaUuEAHIb+7ZgbJvh5sc1DjKfThwPx0Ao0w8+xTbLhNlxvo6VE1cfbiuME+miCAibLgHjksQ8ctl322qnblYJLXiS4lvx/jtGvA3";
    private static final String GO_SIGNATURE_PUBLIC_KEY = "lOpN7uGZWivVIjs0325N/V0dAhoPomrgfXVpg7pZNdRWwFwJDVxoE7TvRyOx/Qr7GMtShNuS2Px/oScD+SMf08t8eAO78QRNErPzwNpfkP4ppcSTShStFDfFbsv9L9yb";
    private static final String GO_SIGNATURE = "hPbLkeMZZ6KKzkjWoTVHeMeuLJfYWjmdAU1Vg5fZ/VZnIXxxeXBB+q0/EL8XQmWkOMMwEGA/D2dCb4MDuntKZpvHEHlvaFR6l1A4bYj0t2Jd6bYwGwCwirNbmSeIoEmJeRzJ1cSvsL+jxvLixdDPnw==";

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
    void createsExportsAndNamesTheKeyAsAfgoDoes() throws Exception {
        Answer created = expect(200, kms.createKey(keystore, "BLS12381G2"));
        byte[] publicKey = created.bytes("public_key");
        assertEquals(96, publicKey.length);
        String jwk = "{\"crv\":\"Bls12381g2\",\"kty\":\"OKP\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey) + "\"}";
        String keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
        assertEquals(keystore + "/keys/" + keyId, created.string("key_url"));

        Answer exported = expect(200, kms.get(created.string("key_url") + "/export"));
        assertEquals(b64(publicKey), exported.string("public_key"));
        assertEquals("BLS12381G2", exported.string("key_type"));
    }

    @Test
    void signsVerifiesDerivesAndVerifiesProofs() {
        String key = kms.createKeyUrl(keystore, "BLS12381G2");
        byte[] signature = expect(200, kms.post(key + "/signmulti", json().add("messages", list(MESSAGES))
                .build().toString())).bytes("signature");
        assertEquals(112, signature.length);

        Answer verified = expect(200, kms.post(key + "/verifymulti", verifyMulti(signature, MESSAGES)));
        assertEquals("", verified.body().strip(), "verify-type operations answer an empty body");
        List<byte[]> changed = List.of(MESSAGES.get(0), utf8("born: 1980"), MESSAGES.get(2), MESSAGES.get(3),
                MESSAGES.get(4));
        assertFailure(kms.post(key + "/verifymulti", verifyMulti(signature, changed)), "verification_failed");

        byte[] proof = expect(200, kms.post(key + "/deriveproof", deriveProof(signature, NONCE, 0, 2, 4)))
                .bytes("proof");
        List<byte[]> revealed = List.of(MESSAGES.get(0), MESSAGES.get(2), MESSAGES.get(4));
        Answer proofOk = expect(200, kms.post(key + "/verifyproof", verifyProof(proof, revealed, NONCE)));
        assertEquals("", proofOk.body().strip());
        assertFailure(kms.post(key + "/verifyproof", verifyProof(proof, revealed, utf8("replayed"))),
                "verification_failed");
        assertFailure(kms.post(key + "/verifyproof",
                verifyProof(proof, List.of(MESSAGES.get(0), MESSAGES.get(1), MESSAGES.get(4)), NONCE)),
                "verification_failed");

        // another key (another issuer) does not accept the proof
        String other = kms.createKeyUrl(keystore, "BLS12381G2");
        assertFailure(kms.post(other + "/verifyproof", verifyProof(proof, revealed, NONCE)), "verification_failed");
    }

    @Test
    void goProofsAndSignaturesVerifyUnderTheImportedIssuerKey() {
        String proofKey = importPublicKey(GO_PROOF_PUBLIC_KEY);
        expect(200, kms.post(proofKey + "/verifyproof", json().add("proof", GO_PROOF)
                .add("messages", Json.createArrayBuilder().add(b64(utf8("message1"))).add(b64(utf8("message3"))))
                .add("nonce", b64(utf8("nonce"))).build().toString()));
        assertFailure(kms.post(proofKey + "/verifyproof", json().add("proof", GO_PROOF)
                .add("messages", Json.createArrayBuilder().add(b64(utf8("message1"))).add(b64(utf8("message2"))))
                .add("nonce", b64(utf8("nonce"))).build().toString()), "verification_failed");

        String signatureKey = importPublicKey(GO_SIGNATURE_PUBLIC_KEY);
        List<byte[]> goMessages = List.of(utf8("message1"), utf8("message2"));
        byte[] goSignature = Base64.getDecoder().decode(GO_SIGNATURE);
        expect(200, kms.post(signatureKey + "/verifymulti", verifyMulti(goSignature, goMessages)));
        // the holder derives a proof from the issuer's signature with the issuer's public key alone
        byte[] proof = expect(200, kms.post(signatureKey + "/deriveproof", json().add("messages", list(goMessages))
                .add("signature", GO_SIGNATURE).add("nonce", b64(NONCE))
                .add("revealed_indexes", Json.createArrayBuilder().add(1)).build().toString())).bytes("proof");
        expect(200, kms.post(signatureKey + "/verifyproof", verifyProof(proof, goMessages.subList(1, 2), NONCE)));

        Answer signed = kms.post(signatureKey + "/signmulti", json().add("messages", list(goMessages)).build()
                .toString());
        assertFailure(signed, "unsupported_operation");
    }

    @Test
    void batchSignsAndVerifiesItemByItem() {
        String key = kms.createKeyUrl(keystore, "BLS12381G2");
        String items = json().add("items", Json.createArrayBuilder()
                .add(json().add("messages", list(MESSAGES)))
                .add(json().add("messages", Json.createArrayBuilder()))
                .add(json().add("messages", list(MESSAGES.subList(0, 1))))).build().toString();
        JsonArray signed = expect(200, kms.post(key + "/batch/signmulti", items)).json().getJsonArray("results");
        assertEquals(3, signed.size());
        byte[] first = Base64.getDecoder().decode(signed.getJsonObject(0).getString("signature"));
        assertEquals(400, signed.getJsonObject(1).getInt("status"));
        assertEquals("invalid_request", signed.getJsonObject(1).getJsonObject("error").getString("code"));
        byte[] third = Base64.getDecoder().decode(signed.getJsonObject(2).getString("signature"));

        String checks = json().add("items", Json.createArrayBuilder()
                .add(json().add("signature", b64(first)).add("messages", list(MESSAGES)))
                .add(json().add("signature", b64(third)).add("messages", list(MESSAGES)))
                .add(json().add("signature", b64(third)).add("messages", list(MESSAGES.subList(0, 1)))))
                .build().toString();
        JsonArray verified = expect(200, kms.post(key + "/batch/verifymulti", checks)).json()
                .getJsonArray("results");
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, verified.getJsonObject(0));
        assertEquals("verification_failed", verified.getJsonObject(1).getJsonObject("error").getString("code"));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, verified.getJsonObject(2));
    }

    @Test
    void rotationKeepsSignaturesVerifyingAtTheOldUrl() {
        String key = kms.createKeyUrl(keystore, "BLS12381G2");
        byte[] signature = expect(200, kms.post(key + "/signmulti", json().add("messages", list(MESSAGES))
                .build().toString())).bytes("signature");
        String rotated = expect(200, kms.post(key + "/rotate", "{\"key_type\":\"BLS12381G2\"}")).string("key_url");
        assertTrue(!rotated.equals(key), rotated);
        expect(200, kms.post(key + "/verifymulti", verifyMulti(signature, MESSAGES)));
        byte[] proof = expect(200, kms.post(rotated + "/deriveproof", deriveProof(signature, NONCE, 3)))
                .bytes("proof");
        expect(200, kms.post(key + "/verifyproof", verifyProof(proof, List.of(MESSAGES.get(3)), NONCE)));
    }

    @Test
    void wrongRequestsAreClientErrors() {
        String key = kms.createKeyUrl(keystore, "BLS12381G2");
        byte[] signature = expect(200, kms.post(key + "/signmulti", json().add("messages", list(MESSAGES))
                .build().toString())).bytes("signature");

        assertFailure(kms.post(key + "/deriveproof", deriveProof(signature, NONCE, 0, 5)), "invalid_request");
        assertFailure(kms.post(key + "/deriveproof", deriveProof(signature, NONCE)), "invalid_request");
        assertFailure(kms.post(key + "/deriveproof", deriveProof(new byte[112], NONCE, 0)), "verification_failed");
        assertFailure(kms.post(key + "/signmulti", "{}"), "invalid_request");
        Answer notBase64 = kms.post(key + "/signmulti", "{\"messages\":[\"not base64!\"]}");
        assertEquals(400, notBase64.status(), notBase64.body());
        assertFailure(kms.post(key + "/verifymulti", verifyMulti(new byte[] {1, 2, 3}, MESSAGES)),
                "verification_failed");
        assertFailure(kms.post(key + "/verifyproof", verifyProof(new byte[] {0, 1}, MESSAGES, NONCE)),
                "verification_failed");
        assertFailure(kms.post(key + "/sign", json().add("message", b64(NONCE)).build().toString()),
                "unsupported_operation");
        assertFailure(kms.put(keystore + "/keys", json().add("key", b64(new byte[32])).add("key_type", "BLS12381G2")
                .build().toString()), "unsupported_key_type");

        String ed25519 = kms.createKeyUrl(keystore, "ED25519");
        assertFailure(kms.post(ed25519 + "/signmulti", json().add("messages", list(MESSAGES)).build().toString()),
                "unsupported_operation");
        assertFailure(kms.post(ed25519 + "/verifyproof", verifyProof(new byte[10], MESSAGES, NONCE)),
                "unsupported_operation");
        assertEquals(404, kms.post(keystore + "/keys/nokey/signmulti",
                json().add("messages", list(MESSAGES)).build().toString()).status());
    }

    private String importPublicKey(String publicKey) {
        return expect(200, kms.put(keystore + "/keys", json().add("public_key", publicKey)
                .add("key_type", "BLS12381G2").build().toString())).string("key_url");
    }

    private static String verifyMulti(byte[] signature, List<byte[]> messages) {
        return json().add("signature", b64(signature)).add("messages", list(messages)).build().toString();
    }

    private static String deriveProof(byte[] signature, byte[] nonce, int... revealed) {
        JsonArrayBuilder indexes = Json.createArrayBuilder();
        for (int index : revealed) {
            indexes.add(index);
        }
        return json().add("messages", list(MESSAGES)).add("signature", b64(signature)).add("nonce", b64(nonce))
                .add("revealed_indexes", indexes).build().toString();
    }

    private static String verifyProof(byte[] proof, List<byte[]> revealed, byte[] nonce) {
        return json().add("proof", b64(proof)).add("messages", list(revealed)).add("nonce", b64(nonce)).build()
                .toString();
    }

    private static JsonArrayBuilder list(List<byte[]> messages) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        messages.forEach(message -> array.add(b64(message)));
        return array;
    }

    private static void assertFailure(Answer answer, String code) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals(code, answer.code(), answer.body());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
