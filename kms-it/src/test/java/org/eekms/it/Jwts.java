package org.eekms.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** MicroProfile JWT bearer tokens for the tests, RS256 JWS made with the JDK. */
final class Jwts {

    private Jwts() {
    }

    /** The MicroProfile JWT settings that trust {@code issuer}'s key, written as a PEM file into {@code data}. */
    static Map<String, String> settings(KeyPair issuer, Path data, String issuerName, String audience)
            throws IOException {
        Path publicKey = data.resolve("issuer.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(issuer.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                "mp.jwt.verify.issuer", issuerName,
                "mp.jwt.verify.audiences", audience);
    }

    /** An RS256 JWS with the claims MicroProfile JWT reads, valid from a minute ago for {@code seconds}. */
    static String token(KeyPair signer, String subject, List<String> groups, String issuer, String audience,
            long seconds) throws Exception {
        long now = Instant.now().getEpochSecond();
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        groups.forEach(groupArray::add);
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        String claims = Json.createObjectBuilder()
                .add("iss", issuer).add("sub", subject).add("upn", subject).add("aud", audience)
                .add("iat", now - 60).add("exp", now + seconds).add("jti", UUID.randomUUID().toString())
                .add("groups", groupArray).build().toString();
        Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(signer.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64url.encodeToString(rs256.sign());
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
