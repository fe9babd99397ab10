package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.eekms.it.KmsClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eekms.crypto.SecretBytes;
import org.eekms.crypto.SecretSplitter;
import org.junit.jupiter.api.Test;

/**
 * Secrets never reach the disk in the clear: a server that imported raw keys and a private key, held a Shamir share,
 * opened keystores with an HKDF secret, a passphrase and the other share, and was sent wrong secrets and malformed
 * requests carrying secrets, is stopped; then its whole data folder (the H2 database files and the server's log)
 * is searched for every secret in every encoding it travelled in (raw bytes, base64, base64url, hex, and the
 * passphrase's text). The master key file is the one place a secret may be, and its key is searched for elsewhere.
 */
class SecretsHygieneIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN = "hygiene-holder-token";

    @Test
    void noSecretIsInTheDatabaseOrTheLogInTheClear() throws Exception {
        Path data = Path.of(System.getProperty("kms.it.data"), "hygiene-" + System.nanoTime());
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        byte[] aesKey = secret(secrets, "imported AES-256 key", random(32));
        byte[] hmacKey = secret(secrets, "imported HMAC key", random(32));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        byte[] pkcs8 = secret(secrets, "imported P-256 private key (PKCS#8)", pair.getPrivate().getEncoded());
        secret(secrets, "imported P-256 private scalar",
                fixed(((ECPrivateKey) pair.getPrivate()).getS().toByteArray()));
        byte[] hkdfSecret = secret(secrets, "HKDF keystore secret", random(32));
        byte[] passphrase = secret(secrets, "passphrase",
                ("correct horse battery staple " + HexFormat.of().formatHex(random(8)))
                        .getBytes(StandardCharsets.UTF_8));
        byte[] wrongSecret = secret(secrets, "a wrong keystore secret", random(32));
        List<SecretBytes> shares = SecretSplitter.shamir().split(SecretBytes.random(32), 3, 2);
        byte[] heldShare = secret(secrets, "share held by the share holder", shares.get(2).toByteArray());
        byte[] walletShare = secret(secrets, "share sent with requests", shares.get(0).toByteArray());
        byte[] malformedKey = secret(secrets, "a raw key of a wrong length", random(31));
        byte[] foreignShare = secret(secrets, "a share of another secret",
                SecretSplitter.shamir().split(SecretBytes.random(32), 3, 2).get(1).toByteArray());

        String storedId; // a value the database does hold, to show the search would find what is there
        int port = freePort();
        try (EmbeddedServer server = EmbeddedServer.start(data, "hygiene", Map.of(
                "kms.share-holder.enable", "true", "kms.share-holder.token", TOKEN,
                "kms.auth-server.url", "http://localhost:" + port, "kms.auth-server.token", TOKEN), port)) {
            KmsClient kms = new KmsClient(server.baseUrl());
            String message = b64("the message".getBytes(StandardCharsets.UTF_8));

            String keystore = kms.createKeystore();
            storedId = keystore.substring(keystore.lastIndexOf('/') + 1);
            String aes = expect(200, kms.put(keystore + "/keys", json().add("key", b64(aesKey))
                    .add("key_type", "AES256GCM").build().toString())).string("key_url");
            expect(200, kms.post(aes + "/encrypt", json().add("message", message).build().toString()));
            String hmac = expect(200, kms.put(keystore + "/keys", json().add("key", b64(hmacKey))
                    .add("key_type", "HMACSHA256Tag256").build().toString())).string("key_url");
            expect(200, kms.post(hmac + "/computemac", json().add("data", message).build().toString()));
            String ecdsa = expect(200, kms.put(keystore + "/keys", json().add("key", b64(pkcs8))
                    .add("key_type", "ECDSAP256IEEEP1363").build().toString())).string("key_url");
            expect(200, kms.post(ecdsa + "/sign", json().add("message", message).build().toString()));
            expect(200, kms.post(ecdsa + "/rotate", "{}"));
            assertEquals(400, kms.put(keystore + "/keys", json().add("key", b64(malformedKey))
                    .add("key_type", "AES256GCM").build().toString()).status());

            for (var lock : Map.of("hkdf", hkdfSecret, "passphrase", passphrase).entrySet()) {
                String body = "{\"controller\":\"did:example:alice\",\"secret_lock\":{\"type\":\"" + lock.getKey()
                        + "\"}}";
                String store = expect(200, withSecret(kms, kms.base() + "/v1/keystores", "POST", body,
                        lock.getValue())).string("key_store_url");
                String key = expect(200, withSecret(kms, store + "/keys", "POST", "{\"key_type\":\"ED25519\"}",
                        lock.getValue())).string("key_url");
                String sign = json().add("message", message).build().toString();
                expect(200, withSecret(kms, key + "/sign", "POST", sign, lock.getValue()));
                assertEquals(403, withSecret(kms, key + "/sign", "POST", sign, wrongSecret).status());
            }

            expect(200, kms.withCredentials(server.baseUrl() + "/secret", "POST",
                    json().add("secret", b64(heldShare)).build().toString(), "alice", null));
            String shamirBody = "{\"controller\":\"did:example:alice\",\"secret_lock\":{\"type\":\"shamir\"}}";
            String shamir = expect(200, kms.withCredentials(server.baseUrl() + "/v1/keystores", "POST", shamirBody,
                    "alice", b64(walletShare))).string("key_store_url");
            String shamirKey = expect(200, kms.withCredentials(shamir + "/keys", "POST", "{\"key_type\":\"ED25519\"}",
                    "alice", b64(walletShare))).string("key_url");
            expect(200, kms.withCredentials(shamirKey + "/sign", "POST",
                    json().add("message", message).build().toString(), "alice", b64(walletShare)));
            assertEquals(403, kms.withCredentials(shamirKey + "/sign", "POST",
                    json().add("message", message).build().toString(), "alice", b64(foreignShare))
                    .status());
        }
        shares.forEach(SecretBytes::destroy);
        secrets.put("master key", masterKey(Files.readAllBytes(data.resolve("master.key"))));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("master.key"))
                    .toList();
        }
        assertTrue(files.stream().anyMatch(file -> file.toString().endsWith(".mv.db")), "the H2 database is searched");
        assertTrue(files.stream().anyMatch(file -> file.toString().endsWith(".log")), "the server log is searched");
        assertTrue(files.stream().anyMatch(file -> file.toString().endsWith(".mv.db") && contains(file,
                storedId.getBytes(StandardCharsets.US_ASCII))), "the search finds the keystore id the database holds");
        List<String> found = new ArrayList<>();
        long bytesSearched = 0;
        int patterns = 0;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            bytesSearched += content.length;
            for (var secret : secrets.entrySet()) {
                for (var encoding : encodings(secret.getValue()).entrySet()) {
                    patterns++;
                    if (indexOf(content, encoding.getValue()) >= 0) {
                        found.add(secret.getKey() + " as " + encoding.getKey() + " in " + data.relativize(file));
                    }
                }
            }
        }
        System.out.printf("SecretsHygieneIT: %d secrets in %d encodings searched in %d files (%d KiB): %d found%n",
                secrets.size(), patterns / Math.max(1, files.size()) / secrets.size(), files.size(),
                bytesSearched >> 10, found.size());
        assertTrue(found.isEmpty(), "secrets in the clear: " + found);
    }

    /** The dev key file holds 32 raw bytes or their base64 (LocalKeyFile). */
    private static byte[] masterKey(byte[] file) {
        if (file.length == 32) {
            return file;
        }
        String text = new String(file, StandardCharsets.US_ASCII).trim();
        return text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text)
                : Base64.getDecoder().decode(text);
    }

    private static Map<String, byte[]> encodings(byte[] secret) {
        Map<String, byte[]> encodings = new LinkedHashMap<>();
        encodings.put("raw bytes", secret);
        encodings.put("base64", Base64.getEncoder().withoutPadding().encodeToString(secret)
                .getBytes(StandardCharsets.US_ASCII));
        encodings.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(secret)
                .getBytes(StandardCharsets.US_ASCII));
        encodings.put("hex", HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
        encodings.put("HEX", HexFormat.of().withUpperCase().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
        return encodings;
    }

    private static byte[] secret(Map<String, byte[]> secrets, String name, byte[] value) {
        secrets.put(name, value);
        return value;
    }

    private static KmsClient.Answer withSecret(KmsClient kms, String url, String method, String body, byte[] secret) {
        return kms.send(HttpRequest.newBuilder(URI.create(url)).header("Keystore-Secret", b64(secret))
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The scalar without BigInteger's sign byte, as 32 bytes. */
    private static byte[] fixed(byte[] bytes) {
        int length = 32;
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            return indexOf(Files.readAllBytes(file), needle) >= 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
