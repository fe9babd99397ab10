package org.eekms.access.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.problem.AccessDeniedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Known answers: capabilities signed by TrustBloc's own servers (captured in TrustBloc's public test data) and
 * capabilities signed along Aries' algorithm with jsonld.js (an independent JSON-LD implementation), with the
 * SHA-256 of their canonical proof options and documents.
 */
class LinkedDataProofsTest {

    @ParameterizedTest
    @CsvSource({
        "webkms-root-2021.json, 1b57863656aa2e55480ff3e9fd292fcf32529ebb65df1f8061ba908e857d8b70, 3b02d6930b625e17b037939b69c94e61416b1bff73c485e9fd0763211f2b23bf",
        "edv-delegated-2021.json, 6bcc02b6f62a00503ae100063f53c04b33d0aa6fc23b4b10fc45bb419f5f57b9, 4b7dfc5d673924fa22c7e7cf9b73138fce86c1fe776ecd5f2e555ab6c14cb0ec",
        "webkms-legacy-root-2021.json, 55bf7e502edb6eea47c59f0aaa6a6f7a7ccdfbae6725f48e36360d2568455792, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "generated-root.json, 645894e87660a5c9d04f437af9a32109c7f67061ad1aabbe562484b0d1d3c53b, d974f043bf82db9dfff629e756e3beaa646e42c867384607fbd48192cc2768ca",
        "generated-delegated.json, f74dc0bc5c06958ed65228957670a4def8de3bccd42bf4433a2691cb100f8f89, 2231f4c73453ee0a0fe07f6691658340887f58fc2749750138765da112b90c6f"
    })
    void canonicalFormsAndSignaturesMatchTrustBlocs(String file, String proofOptionsSha, String documentSha)
            throws Exception {
        JsonObject capability = read(file);
        JsonObject proof = capability.getJsonArray("proof").getJsonObject(0);
        JsonObject document = withoutProof(capability);
        JsonObject options = Json.createObjectBuilder(proof).remove("jws")
                .add("@context", LinkedDataProofs.SECURITY_V2).build();

        assertEquals(proofOptionsSha, sha256(LinkedDataProofs.canonical(options)));
        assertEquals(documentSha, sha256(LinkedDataProofs.canonical(document)));
        assertEquals(proof.getString("verificationMethod"), LinkedDataProofs.verify(document, proof));
    }

    @Test
    void aChangedSignedTermOrProofFailsButAnUndefinedTermIsNotSigned() throws Exception {
        JsonObject capability = read("generated-delegated.json");
        JsonObject proof = capability.getJsonArray("proof").getJsonObject(0);
        JsonObject document = withoutProof(capability);

        JsonObject moreActions = Json.createObjectBuilder(document)
                .add("allowedAction", Json.createArrayBuilder().add("sign").add("decrypt")).build();
        assertThrows(AccessDeniedException.class, () -> LinkedDataProofs.verify(moreActions, proof));
        JsonObject otherInvoker = Json.createObjectBuilder(document).add("invoker", proof.getString("verificationMethod"))
                .build();
        assertThrows(AccessDeniedException.class, () -> LinkedDataProofs.verify(otherInvoker, proof));
        JsonObject laterCreated = Json.createObjectBuilder(proof).add("created", "2023-01-02T03:04:06Z").build();
        assertThrows(AccessDeniedException.class, () -> LinkedDataProofs.verify(document, laterCreated));
        JsonObject otherSigner = Json.createObjectBuilder(proof)
                .add("verificationMethod", DidKeys.of(new byte[32]) + "#x").build();
        assertThrows(AccessDeniedException.class, () -> LinkedDataProofs.verify(document, otherSigner));

        // `caveats` is not a term of the security context: Aries does not sign it, and neither can we
        JsonObject noCaveats = Json.createObjectBuilder(document).remove("caveats").build();
        assertEquals(proof.getString("verificationMethod"), LinkedDataProofs.verify(noCaveats, proof));
        // `expires` is (sec:expiration): a delegator who sets it signs it
        JsonObject expires = Json.createObjectBuilder(document).add("expires", "2030-01-01T00:00:00Z").build();
        assertThrows(AccessDeniedException.class, () -> LinkedDataProofs.verify(expires, proof));
    }

    @Test
    void whatWeSignVerifiesAndIsBoundToTheSigner() {
        Keyset signer = Keyset.generate(KeyType.ED25519);
        String method = DidKeys.of(signer.publicKey().orElseThrow());
        String verificationMethod = method + "#" + method.substring("did:key:".length());
        JsonObject document = Json.createObjectBuilder().add("@context", LinkedDataProofs.SECURITY_V2)
                .add("id", "https://kms.example/v1/keystores/abc").add("invoker", verificationMethod)
                .add("allowedAction", Json.createArrayBuilder().add("sign")).build();
        JsonObject options = Json.createObjectBuilder().add("created", "2026-11-29T12:00:00.5Z")
                .add("nonce", "AAEC").add("proofPurpose", "capabilityDelegation").add("type", "Ed25519Signature2018")
                .add("verificationMethod", verificationMethod).build();

        JsonObject proof = LinkedDataProofs.sign(document, options, signer);

        assertEquals(verificationMethod, LinkedDataProofs.verify(document, proof));
        JsonObject otherId = Json.createObjectBuilder(document).add("id", "https://kms.example/v1/keystores/abd").build();
        assertThrows(AccessDeniedException.class, () -> LinkedDataProofs.verify(otherId, proof));
    }

    @Test
    void aContextThatIsNotBundledIsRefusedNotFetched() {
        JsonObject document = Json.createObjectBuilder().add("@context", "https://example.com/evil/v1")
                .add("id", "urn:x").build();
        assertThrows(AccessDeniedException.class, () -> LinkedDataProofs.canonical(document));
    }

    static JsonObject read(String file) throws Exception {
        try (InputStream in = LinkedDataProofsTest.class.getResourceAsStream("/zcap/" + file)) {
            return Json.createReader(in).readObject();
        }
    }

    static JsonObject withoutProof(JsonObject capability) {
        return Json.createObjectBuilder(capability).remove("proof").build();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
