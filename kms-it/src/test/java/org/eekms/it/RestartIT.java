package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.eekms.it.KmsClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eekms.it.KmsClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * The embedded default as a user runs it (Payara Micro started from its jar with the kms-micro WAR, as
 * {@code mvn -Prun package} does): keys made before a restart still work after it, from the H2 file database and the
 * dev master key created on first start.
 */
class RestartIT {

    private static final byte[] MESSAGE = "survives a restart".getBytes(StandardCharsets.UTF_8);

    @Test
    void keysSurviveARestart() throws Exception {
        Path data = Path.of(System.getProperty("kms.it.data"), "restart-" + System.nanoTime());
        String signingKey;
        String aeadKey;
        byte[] publicKey;
        byte[] signature;
        Answer encrypted;
        try (EmbeddedServer server = EmbeddedServer.start(data, "first-run")) {
            KmsClient kms = new KmsClient(server.baseUrl());
            String keystore = kms.createKeystore();
            Answer created = expect(200, kms.createKey(keystore, "ED25519"));
            signingKey = created.string("key_url");
            publicKey = created.bytes("public_key");
            signature = expect(200, kms.post(signingKey + "/sign", json().add("message", b64(MESSAGE)).build()
                    .toString())).bytes("signature");
            aeadKey = kms.createKeyUrl(keystore, "XChaCha20Poly1305");
            encrypted = expect(200, kms.post(aeadKey + "/encrypt", json().add("message", b64(MESSAGE)).build()
                    .toString()));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("master.key"))));

        try (EmbeddedServer server = EmbeddedServer.start(data, "second-run")) {
            KmsClient kms = new KmsClient(server.baseUrl());
            signingKey = signingKey.replaceFirst("http://[^/]+", server.baseUrl());
            aeadKey = aeadKey.replaceFirst("http://[^/]+", server.baseUrl());
            assertArrayEquals(publicKey, expect(200, kms.get(signingKey + "/export")).bytes("public_key"));
            expect(200, kms.post(signingKey + "/verify", json().add("signature", b64(signature))
                    .add("message", b64(MESSAGE)).build().toString()));
            expect(200, kms.post(signingKey + "/sign", json().add("message", b64(MESSAGE)).build().toString()));
            Answer decrypted = expect(200, kms.post(aeadKey + "/decrypt", json()
                    .add("ciphertext", b64(encrypted.bytes("ciphertext")))
                    .add("nonce", b64(encrypted.bytes("nonce"))).build().toString()));
            assertArrayEquals(MESSAGE, decrypted.bytes("plaintext"));
        }
    }
}
