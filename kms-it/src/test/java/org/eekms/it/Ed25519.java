package org.eekms.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 as the JDK implements it, independent of the server's Tink and BouncyCastle, and the key id the server
 * derives from a public key (the RFC 7638 JWK thumbprint), so that tests can tell which version of a key signed.
 */
final class Ed25519 {

    private static final byte[] SPKI_PREFIX = Base64.getDecoder().decode("MCowBQYDK2VwAyEA");

    private Ed25519() {
    }

    static boolean verifies(byte[] rawPublicKey, byte[] message, byte[] signature) {
        try {
            byte[] spki = new byte[SPKI_PREFIX.length + rawPublicKey.length];
            System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
            System.arraycopy(rawPublicKey, 0, spki, SPKI_PREFIX.length, rawPublicKey.length);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
            jdk.update(message);
            return jdk.verify(signature);
        } catch (GeneralSecurityException malformed) {
            return false;
        }
    }

    static String thumbprint(byte[] rawPublicKey) {
        String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey) + "\"}";
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
