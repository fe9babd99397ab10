package org.eekms.access.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.TreeMap;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;

/**
 * The root capability a keystore is created with in {@code zcap} mode, as TrustBloc's server makes it: Go's field
 * order, {@code id} and invocation target the keystore URL, the controller as invoker, every action, no caveats, and
 * an {@code Ed25519Signature2018} delegation proof by a fresh key that is thrown away. Nothing relies on that proof
 * (the controller's own key is what makes the capability work, see {@link Capabilities}); it is there because
 * clients expect a signed capability.
 */
public final class RootCapabilities {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RootCapabilities() {
    }

    public static JsonObject issue(String keystoreUrl, String controller, Instant now) {
        var actions = Json.createArrayBuilder();
        for (String action : CapabilityAction.ALL) {
            actions.add(action);
        }
        JsonObject document = Json.createObjectBuilder()
                .add("@context", LinkedDataProofs.SECURITY_V2)
                .add("id", keystoreUrl)
                .add("invoker", controller)
                .add("allowedAction", actions)
                .add("invocationTarget", Json.createObjectBuilder().add("ID", keystoreUrl).add("Type", "urn:kms:keystore"))
                .add("caveats", JsonValue.NULL)
                .build();
        Keyset signer = Keyset.generate(KeyType.ED25519);
        String did = DidKeys.of(signer.publicKey().orElseThrow());
        byte[] nonce = new byte[64];
        RANDOM.nextBytes(nonce);
        JsonObject options = Json.createObjectBuilder()
                .add("created", DateTimeFormatter.ISO_INSTANT.format(now))
                .add("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
                .add("proofPurpose", "capabilityDelegation")
                .add("type", LinkedDataProofs.TYPE)
                .add("verificationMethod", did + "#" + did.substring("did:key:".length()))
                .build();
        // the proof's keys in Go's (alphabetical) order, jws among them
        var proof = Json.createObjectBuilder();
        new TreeMap<>(LinkedDataProofs.sign(document, options, signer)).forEach(proof::add);
        return Json.createObjectBuilder(document).add("proof", Json.createArrayBuilder().add(proof)).build();
    }
}
