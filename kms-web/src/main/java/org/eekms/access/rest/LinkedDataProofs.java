package org.eekms.access.rest;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eekms.crypto.KeyType;
import org.eekms.crypto.Keyset;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.KmsException;

/**
 * {@code Ed25519Signature2018} linked-data proofs as Aries Framework Go makes and checks them on ZCAP-LD
 * capabilities: a detached JWS ({@code {"alg":"EdDSA","b64":false,"crit":["b64"]}}) over
 * {@code ASCII(header ".") ‖ SHA-256(c14n(proof options)) ‖ SHA-256(c14n(document))}, where c14n is JSON-LD 1.1 to
 * RDF (terms the contexts do not define are dropped, as Go's json-gold does) then URDNA2015 N-Quads, the proof
 * options are the proof without {@code jws} under the security context, and the document is the capability
 * without {@code proof}. The security contexts v1 and v2 are bundled; no other context loads, and nothing is ever
 * fetched from the network.
 */
public final class LinkedDataProofs {

    public static final String SECURITY_V2 = "https://w3id.org/security/v2";
    static final String SECURITY_V1 = "https://w3id.org/security/v1";
    static final String TYPE = "Ed25519Signature2018";
    /** {@code {"alg":"EdDSA","b64":false,"crit":["b64"]}} as Go marshals it, base64url. */
    static final String JWS_HEADER = "eyJhbGciOiJFZERTQSIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19";
    /** The proof properties Aries reads; any other is left out of the signed proof options, as there. */
    private static final List<String> PROOF_OPTIONS = List.of("type", "creator", "verificationMethod", "created",
            "domain", "nonce", "proofPurpose", "challenge", "capabilityChain");

    private static final Map<String, Document> CONTEXTS = Map.of(
            SECURITY_V1, bundled("security-v1.jsonld"),
            SECURITY_V2, bundled("security-v2.jsonld"));
    private static final DocumentLoader LOADER = (url, options) -> {
        Document context = CONTEXTS.get(url.toString());
        if (context == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "context not bundled: " + url);
        }
        return context;
    };

    private LinkedDataProofs() {
    }

    /**
     * Checks one proof of a document (the document given without its {@code proof}); returns the proof's
     * {@code verificationMethod}, the did:key that signed it, or throws 401.
     */
    public static String verify(JsonObject document, JsonObject proof) {
        if (!TYPE.equals(string(proof, "type"))) {
            throw invalid("its proof must be of type " + TYPE);
        }
        String verificationMethod = string(proof, "verificationMethod");
        String jws = string(proof, "jws");
        if (verificationMethod == null || jws == null || string(proof, "created") == null) {
            throw invalid("its proof needs verificationMethod, created and jws");
        }
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw invalid("its proof's jws is not a detached JWS");
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("its proof's jws signature is not base64url");
        }
        byte[] publicKey = DidKeys.ed25519PublicKey(verificationMethod);
        byte[] signed = signingInput(parts[0], document, proofOptions(proof));
        try {
            Keyset.importPublicKey(KeyType.ED25519, publicKey).operations().verify(signature, signed);
        } catch (KmsException e) {
            throw invalid("its proof does not verify");
        }
        return verificationMethod;
    }

    /**
     * Signs a document with an Ed25519 key, as Aries does: returns the proof, whose {@code jws} covers the
     * document and every other proof property given.
     */
    public static JsonObject sign(JsonObject document, JsonObject proofOptions, Keyset signer) {
        byte[] signature = signer.operations().sign(signingInput(JWS_HEADER, document, proofOptions(proofOptions)));
        return Json.createObjectBuilder(proofOptions)
                .add("jws", JWS_HEADER + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature))
                .build();
    }

    /** The canonical N-Quads of a JSON-LD document under the bundled contexts. */
    static String canonical(JsonObject document) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        try {
            JsonLdOptions options = new JsonLdOptions(LOADER);
            options.setProduceGeneralizedRdf(true);
            JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw invalid("it is not JSON-LD under the security context v2");
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("canonicalisation failed", e);
        }
    }

    private static byte[] signingInput(String header, JsonObject document, JsonObject proofOptions) {
        byte[] prefix = (header + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] options = sha256(canonical(proofOptions));
        byte[] doc = sha256(canonical(document));
        byte[] input = new byte[prefix.length + 64];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        System.arraycopy(options, 0, input, prefix.length, 32);
        System.arraycopy(doc, 0, input, prefix.length + 32, 32);
        return input;
    }

    /**
     * The proof properties Aries signs, under the security context; the nonce is re-encoded base64url without
     * padding whatever base64 it came in. (Aries also names the JWS 2020 context, which defines nothing an
     * Ed25519Signature2018 proof uses, so the canonical form is the same without it.)
     */
    private static JsonObject proofOptions(JsonObject proof) {
        JsonObjectBuilder options = Json.createObjectBuilder().add("@context", SECURITY_V2);
        for (String name : PROOF_OPTIONS) {
            JsonValue value = proof.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (name.equals("nonce")) {
                value = Json.createValue(nonce(value));
            } else if (name.equals("capabilityChain") && !(value instanceof JsonArray)) {
                throw invalid("its proof's capabilityChain must be an array");
            }
            options.add(name, value);
        }
        return options.build();
    }

    private static String nonce(JsonValue value) {
        if (!(value instanceof JsonString text)) {
            throw invalid("its proof's nonce must be a string");
        }
        String nonce = text.getString();
        byte[] bytes;
        try {
            bytes = nonce.contains("+") || nonce.contains("/") ? Base64.getDecoder().decode(nonce)
                    : Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            throw invalid("its proof's nonce is not base64");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256, for the proofs here and for the request bodies and capabilities the other checks hash. */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document bundled(String name) {
        try (InputStream in = LinkedDataProofs.class.getResourceAsStream("contexts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the build did not bundle " + name);
            }
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(URI.create(name.equals("security-v1.jsonld") ? SECURITY_V1 : SECURITY_V2));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("bundled context " + name + " is not JSON", e);
        }
    }

    private static AccessDeniedException invalid(String what) {
        return AccessDeniedException.unauthenticated("the capability is not valid: " + what);
    }
}
