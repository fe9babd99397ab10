package org.eekms.access.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;

/**
 * A ZCAP-LD client for tests: an Ed25519 key (the JDK's) known by its did:key, which signs HTTP requests as a
 * capability invoker and delegates capabilities it holds.
 */
public final class CapabilityHolder {

    /** What a strict client covers; TrustBloc's clients cover {@code (created)} only. */
    public static final String COVERED = "(request-target) host capability-invocation (created) digest";

    private final KeyPair key;
    private final String keyId;

    public CapabilityHolder() {
        try {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String did = DidKeys.of(publicKey());
        keyId = did + "#" + did.substring("did:key:".length());
    }

    /** The did:key URL: controller, invoker, verification method. */
    public String keyId() {
        return keyId;
    }

    /**
     * The headers of a request invoking {@code capability} for {@code action}, signed over {@code covered}
     * (names separated by spaces; {@code digest} is left out for a request without a body).
     */
    public Map<String, String> invoke(String method, String pathAndQuery, String host, JsonObject capability,
            String action, byte[] body, String covered, long created) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        if (capability != null) {
            headers.put("capability-invocation", "zcap capability=\"" + CapabilityInvocation.compress(capability, true)
                    + "\",action=\"" + action + "\"");
        }
        boolean hasBody = body != null && body.length > 0;
        if (hasBody) {
            headers.put("digest", "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body)));
        }
        List<String> names = Arrays.stream(covered.split(" ")).filter(name -> hasBody || !name.equals("digest"))
                .toList();
        StringBuilder signing = new StringBuilder();
        for (String name : names) {
            String value = switch (name) {
                case "(request-target)" -> method.toLowerCase(Locale.ROOT) + " " + pathAndQuery;
                case "(created)" -> Long.toString(created);
                default -> headers.get(name);
            };
            signing.append(signing.length() == 0 ? "" : "\n").append(name).append(": ").append(value);
        }
        headers.put("signature", "keyId=\"" + keyId + "\",algorithm=\"https://github.com/hyperledger/"
                + "aries-framework-go/zcaps\",created=" + created + ",headers=\"" + String.join(" ", names)
                + "\",signature=\"" + Base64.getEncoder().encodeToString(sign(signing.toString())) + "\"");
        return headers;
    }

    /**
     * A capability delegated from {@code parentId} (a keystore's root) to {@code invoker}, allowing {@code actions},
     * with a signed {@code expires} and/or a TrustBloc expiry caveat when given, signed by this holder.
     */
    public JsonObject delegate(String parentId, String keystoreUrl, String invoker, List<String> actions,
            Instant expires, Long caveatSeconds, Instant created) {
        JsonArrayBuilder allowed = Json.createArrayBuilder();
        actions.forEach(allowed::add);
        JsonObjectBuilder document = Json.createObjectBuilder()
                .add("@context", LinkedDataProofs.SECURITY_V2)
                .add("id", "urn:uuid:" + UUID.randomUUID())
                .add("invoker", invoker)
                .add("parentCapability", parentId)
                .add("allowedAction", allowed)
                .add("invocationTarget", Json.createObjectBuilder().add("ID", keystoreUrl).add("Type", "urn:kms:keystore"))
                .add("caveats", caveatSeconds == null ? JsonValue.NULL : Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "expiry").add("duration", caveatSeconds)).build());
        if (expires != null) {
            document.add("expires", expires.toString());
        }
        JsonObject unsigned = document.build();
        byte[] nonce = new byte[64];
        new SecureRandom().nextBytes(nonce);
        JsonObject options = Json.createObjectBuilder()
                .add("capabilityChain", Json.createArrayBuilder().add(parentId))
                .add("created", created.toString())
                .add("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
                .add("proofPurpose", "capabilityDelegation")
                .add("type", "Ed25519Signature2018")
                .add("verificationMethod", keyId).build();
        Keyset signer = Keyset.importPrivateKey(KeyType.ED25519, key.getPrivate().getEncoded());
        JsonObject proof = LinkedDataProofs.sign(unsigned, options, signer);
        return Json.createObjectBuilder(unsigned).add("proof", Json.createArrayBuilder().add(proof)).build();
    }

    private byte[] publicKey() {
        byte[] spki = key.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    private byte[] sign(String text) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key.getPrivate());
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CapabilityHolder[" + keyId + "]";
    }
}
