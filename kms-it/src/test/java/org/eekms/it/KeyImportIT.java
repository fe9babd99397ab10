package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.eekms.it.KmsClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eekms.it.KmsClient.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bring your own key over HTTP against the real kms-micro WAR: raw symmetric keys whose results the JDK reproduces
 * with the same raw key, and verify-only public keys made by the JDK that verify but refuse to sign or rotate.
 */
@ExtendWith(ArquillianExtension.class)
class KeyImportIT {

    private static final byte[] MESSAGE = "the quick brown fox".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "aad".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

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

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    void rawAes256GcmKeyEncryptsWhatTheJdkDecryptsWithTheSameKey() throws Exception {
        byte[] raw = random(32);
        Answer imported = expect(200, kms.put(keystore + "/keys",
                json().add("key", b64(raw)).add("key_type", "AES256GCM").build().toString()));
        String keyUrl = imported.string("key_url");
        assertTrue(keyUrl.matches(".*/keys/[A-Za-z0-9_-]{50}"), keyUrl);

        Answer encrypted = expect(200, kms.post(keyUrl + "/encrypt",
                json().add("message", b64(MESSAGE)).add("associated_data", b64(AAD)).build().toString()));
        byte[] ciphertext = encrypted.bytes("ciphertext");
        byte[] nonce = encrypted.bytes("nonce");
        assertEquals(12, nonce.length);
        assertEquals(MESSAGE.length + 16, ciphertext.length, "no Tink prefix on the wire");
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, nonce));
        jdk.updateAAD(AAD);
        assertArrayEquals(MESSAGE, jdk.doFinal(ciphertext));

        byte[] jdkNonce = random(12);
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, jdkNonce));
        jdk.updateAAD(AAD);
        Answer decrypted = expect(200, kms.post(keyUrl + "/decrypt", json().add("ciphertext", b64(jdk.doFinal(MESSAGE)))
                .add("nonce", b64(jdkNonce)).add("associated_data", b64(AAD)).build().toString()));
        assertArrayEquals(MESSAGE, decrypted.bytes("plaintext"));

        String rotated = expect(200, kms.post(keyUrl + "/rotate", "{}")).string("key_url");
        expect(200, kms.post(rotated + "/decrypt", json().add("ciphertext", b64(ciphertext))
                .add("nonce", b64(nonce)).add("associated_data", b64(AAD)).build().toString()));
    }

    @Test
    void rawHmacKeyMacsAreTinksPrefixThenTheJdksHmac() throws Exception {
        byte[] raw = random(32);
        String keyUrl = expect(200, kms.put(keystore + "/keys", json().add("key", b64(raw))
                .add("key_type", "HMACSHA256Tag256").add("key_id", "my-hmac").build().toString()))
                .string("key_url");
        assertTrue(keyUrl.endsWith("/keys/my-hmac"), keyUrl);
        byte[] mac = expect(200, kms.post(keyUrl + "/computemac",
                json().add("data", b64(MESSAGE)).build().toString())).bytes("mac");
        assertEquals(37, mac.length);
        assertEquals(1, mac[0]);
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(raw, "HmacSHA256"));
        assertArrayEquals(jdk.doFinal(MESSAGE), Arrays.copyOfRange(mac, 5, mac.length));
        expect(200, kms.post(keyUrl + "/verifymac",
                json().add("mac", b64(mac)).add("data", b64(MESSAGE)).build().toString()));
    }

    @Test
    void ed25519PublicKeyVerifiesJdkSignaturesButCannotSignOrRotate() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        String keyUrl = importPublicKey("ED25519", raw);
        assertVerifyOnly(keyUrl, raw, sign("Ed25519", pair), "ED25519");
    }

    @Test
    void ecdsaP256DerPublicKeyVerifiesJdkSignaturesButCannotSignOrRotate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        String keyUrl = importPublicKey("ECDSAP256DER", spki);
        assertVerifyOnly(keyUrl, spki, sign("SHA256withECDSA", pair), "ECDSAP256DER");
    }

    @Test
    void refusesMalformedImports() throws Exception {
        String keys = keystore + "/keys";
        byte[] aes = random(32);
        assertBadImport(keys, json().add("key", b64(aes)).add("public_key", b64(aes)).add("key_type", "AES256GCM")
                .build().toString(), "invalid_request", aes);
        assertBadImport(keys, json().add("key_type", "AES256GCM").build().toString(), "invalid_request", aes);
        assertBadImport(keys, json().add("key", b64(Arrays.copyOf(aes, 31))).add("key_type", "AES256GCM")
                .build().toString(), "invalid_request", aes);
        assertBadImport(keys, json().add("key", b64(random(16))).add("key_type", "ChaCha20Poly1305")
                .build().toString(), "invalid_request", aes);
        assertBadImport(keys, json().add("key", b64(random(16))).add("key_type", "HMACSHA256Tag256")
                .build().toString(), "invalid_request", aes);
        assertBadImport(keys, json().add("public_key", b64(aes)).add("key_type", "AES256GCM").build().toString(),
                "unsupported_key_type", aes);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        byte[] p384 = generator.generateKeyPair().getPublic().getEncoded();
        assertBadImport(keys, json().add("public_key", b64(p384)).add("key_type", "ECDSAP256DER").build().toString(),
                "invalid_request", p384);
        byte[] garbage = "not DER at all".getBytes(StandardCharsets.UTF_8);
        assertBadImport(keys, json().add("public_key", b64(garbage)).add("key_type", "ECDSAP256DER")
                .build().toString(), "invalid_request", garbage);
        byte[] ed25519 = random(31);
        assertBadImport(keys, json().add("public_key", b64(ed25519)).add("key_type", "ED25519").build().toString(),
                "invalid_request", ed25519);
        byte[] point = new byte[65];
        point[0] = 4; // (0, 0) is not on P-256
        assertBadImport(keys, json().add("public_key", b64(point)).add("key_type", "ECDSAP256IEEEP1363")
                .build().toString(), "invalid_request", point);
        assertEquals(0, expect(200, kms.get(keys)).json().getJsonArray("keys").size(), "nothing was stored");
    }

    private String importPublicKey(String keyType, byte[] publicKey) {
        Answer imported = expect(200, kms.put(keystore + "/keys",
                json().add("public_key", b64(publicKey)).add("key_type", keyType).build().toString()));
        return imported.string("key_url");
    }

    private void assertVerifyOnly(String keyUrl, byte[] publicKey, byte[] signature, String keyType) {
        assertTrue(keyUrl.matches(".*/keys/[A-Za-z0-9_-]{50}"), keyUrl);
        expect(200, kms.post(keyUrl + "/verify",
                json().add("signature", b64(signature)).add("message", b64(MESSAGE)).build().toString()));
        Answer wrong = kms.post(keyUrl + "/verify", json().add("signature", b64(signature))
                .add("message", b64("other".getBytes(StandardCharsets.UTF_8))).build().toString());
        assertEquals("verification_failed", wrong.code());

        Answer signed = kms.post(keyUrl + "/sign", json().add("message", b64(MESSAGE)).build().toString());
        assertEquals(400, signed.status(), signed.body());
        assertEquals("unsupported_operation", signed.code());
        assertTrue(signed.string("message").contains("verify-only"), signed.body());

        Answer rotated = kms.post(keyUrl + "/rotate", "{\"key_type\":\"" + keyType + "\"}");
        assertEquals(400, rotated.status(), rotated.body());
        assertEquals("unsupported_operation", rotated.code());

        Answer exported = expect(200, kms.get(keyUrl + "/export"));
        assertArrayEquals(publicKey, exported.bytes("public_key"));
        assertEquals(keyType, exported.string("key_type"));
    }

    private void assertBadImport(String keys, String body, String code, byte[] keyBytes) {
        Answer answer = kms.put(keys, body);
        assertEquals(400, answer.status(), answer.body());
        assertEquals(code, answer.code(), answer.body());
        assertFalse(answer.body().contains(b64(keyBytes)), "the answer echoes no key bytes");
    }

    private static byte[] sign(String algorithm, KeyPair pair) throws Exception {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        return signer.sign();
    }
}
