package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.eekms.it.KmsClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eekms.crypto.SecretBytes;
import org.eekms.crypto.SecretSplitter;
import org.eekms.it.KmsClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * The Authorization Key Server as two real processes: a share holder (this application with
 * {@code KMS_SHARE_HOLDER_ENABLE}) and a KMS whose keystore is {@code shamir}-locked, fetching the subject's second
 * share from the holder. The wallet splits its secret itself; the servers never hold it whole.
 */
class AuthorizationKeyServerIT {

    private static final String HOLDER_TOKEN = "holder-token-for-tests";
    private static final byte[] MESSAGE = "authorized by shares".getBytes(StandardCharsets.UTF_8);

    @Test
    void shamirKeystoreOpensWithTheSubjectsSharesOnlyAndSurvivesARestart() throws Exception {
        Path data = Path.of(System.getProperty("kms.it.data"), "authz-" + System.nanoTime());
        // the wallet's secret, split 2-of-3: one share for the holder, the others stay with the wallet
        List<SecretBytes> shares = SecretSplitter.shamir().split(SecretBytes.random(32), 3, 2);
        String walletShare = b64(shares.get(0).toByteArray());
        String otherWalletShare = b64(shares.get(1).toByteArray());
        String foreignShare = b64(SecretSplitter.shamir().split(SecretBytes.random(32), 3, 2).get(0).toByteArray());

        try (EmbeddedServer holder = EmbeddedServer.start(data.resolve("holder"), "holder", Map.of(
                "kms.share-holder.enable", "true", "kms.share-holder.token", HOLDER_TOKEN))) {
            KmsClient holderApi = new KmsClient(holder.baseUrl());
            String secretUrl = holder.baseUrl() + "/secret";
            expect(200, holderApi.withCredentials(secretUrl, "POST", json().add("secret", b64(shares.get(2).toByteArray()))
                    .build().toString(), "alice", null));
            assertEquals(409, holderApi.withCredentials(secretUrl, "POST", json().add("secret", walletShare).build()
                    .toString(), "alice", null).status());
            assertEquals(401, holderApi.get(secretUrl + "?sub=alice").status());

            Map<String, String> authz = Map.of("kms.auth-server.url", holder.baseUrl(),
                    "kms.auth-server.token", HOLDER_TOKEN);
            String keyUrl;
            byte[] signature;
            try (EmbeddedServer server = EmbeddedServer.start(data.resolve("authz"), "authz-1", authz)) {
                KmsClient kms = new KmsClient(server.baseUrl());
                String body = "{\"controller\":\"did:example:alice\",\"secret_lock\":{\"type\":\"shamir\"}}";
                assertEquals(400, kms.withCredentials(server.baseUrl() + "/v1/keystores", "POST", body, "alice", null)
                        .status());
                String keystore = expect(200, kms.withCredentials(server.baseUrl() + "/v1/keystores", "POST", body, "alice",
                        walletShare)).string("key_store_url");
                Answer metadata = expect(200, kms.withCredentials(keystore, "GET", null, "alice", walletShare));
                assertEquals("shamir", metadata.json().getJsonObject("secret_lock").getString("type"));
                assertEquals(2, metadata.json().getJsonObject("secret_lock").getInt("threshold"));

                keyUrl = expect(200, kms.withCredentials(keystore + "/keys", "POST", "{\"key_type\":\"ED25519\"}", "alice",
                        walletShare)).string("key_url");
                signature = sign(kms, keyUrl, "alice", walletShare);

                // the key is cached now, yet every caller must still bring shares that open the keystore
                assertEquals(400, kms.withCredentials(keyUrl + "/sign", "POST", signBody(), "alice", null).status());
                Answer wrong = kms.withCredentials(keyUrl + "/sign", "POST", signBody(), "alice", foreignShare);
                assertEquals(403, wrong.status());
                assertEquals("the secrets presented do not open this keystore", wrong.string("message"));
                assertEquals(403, kms.withCredentials(keyUrl + "/sign", "POST", signBody(), "bob", walletShare).status());
                assertEquals(400, kms.withCredentials(keyUrl + "/sign", "POST", signBody(), "alice", "not base64!").status());
                assertEquals(403, kms.withCredentials(keystore + "/keys", "GET", null, "alice", foreignShare).status());
                // another share of the same secret opens it too
                sign(kms, keyUrl, "alice", otherWalletShare);
            }

            try (EmbeddedServer server = EmbeddedServer.start(data.resolve("authz"), "authz-2", authz)) {
                KmsClient kms = new KmsClient(server.baseUrl());
                String movedKeyUrl = keyUrl.replaceFirst("http://[^/]+", server.baseUrl());
                expect(200, kms.withCredentials(movedKeyUrl + "/verify", "POST", json().add("signature", b64(signature))
                        .add("message", b64(MESSAGE)).build().toString(), "alice", walletShare));
                assertEquals(403, kms.withCredentials(movedKeyUrl + "/sign", "POST", signBody(), "alice", foreignShare)
                        .status());
                holder.close();
                // the held share of a subject not seen yet cannot be fetched: 503, nothing unlocked
                Answer unreachable = kms.withCredentials(movedKeyUrl + "/sign", "POST", signBody(), "carol", walletShare);
                assertEquals(503, unreachable.status());
                assertEquals("dependency_unavailable", unreachable.code());
            }
        }
    }

    private static String signBody() {
        return json().add("message", b64(MESSAGE)).build().toString();
    }

    private static byte[] sign(KmsClient kms, String keyUrl, String subject, String share) {
        return expect(200, kms.withCredentials(keyUrl + "/sign", "POST", signBody(), subject, share)).bytes("signature");
    }
}
