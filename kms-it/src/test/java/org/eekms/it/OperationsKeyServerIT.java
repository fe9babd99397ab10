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
 * The Operations Key Server as a real two-server system: an Authorization Key Server (shamir keystores, its own
 * share holder) holds an AES key; an Operations Key Server keeps a wallet's keys in a keystore whose primary key
 * only that AES key can open, asking for it with the caller's forwarded credentials.
 */
class OperationsKeyServerIT {

    private static final byte[] MESSAGE = "operational signature".getBytes(StandardCharsets.UTF_8);
    private static final int LATENCY_SAMPLES = 30;

    @Test
    void opsKeystoreWorksOnlyThroughTheAuthorizationServer() throws Exception {
        Path data = Path.of(System.getProperty("kms.it.data"), "ops-" + System.nanoTime());
        List<SecretBytes> shares = SecretSplitter.shamir().split(SecretBytes.random(32), 2, 2);
        String walletShare = b64(shares.get(0).toByteArray());
        String foreignShare = b64(SecretSplitter.shamir().split(SecretBytes.random(32), 2, 2).get(0).toByteArray());
        Map<String, String> authzSettings = Map.of("kms.share-holder.enable", "true",
                "kms.share-holder.token", "holder-token");

        EmbeddedServer authz = EmbeddedServer.start(data.resolve("authz"), "authz-1", authzSettings);
        String authzKey;
        try {
            KmsClient authzApi = new KmsClient(authz.baseUrl());
            expect(200, authzApi.withCredentials(authz.baseUrl() + "/secret", "POST",
                    json().add("secret", b64(shares.get(1).toByteArray())).build().toString(), "alice", null));
            String authzStore = expect(200, authzApi.withCredentials(authz.baseUrl() + "/v1/keystores", "POST",
                    "{\"controller\":\"did:example:alice\",\"secret_lock\":{\"type\":\"shamir\"}}", "alice",
                    walletShare)).string("key_store_url");
            authzKey = expect(200, authzApi.withCredentials(authzStore + "/keys", "POST", "{\"key_type\":\"AES256GCM\"}",
                    "alice", walletShare)).string("key_url");
        } catch (RuntimeException | AssertionError e) {
            authz.close();
            throw e;
        }

        String opsKey;
        String opsStore;
        try (EmbeddedServer ops = EmbeddedServer.start(data.resolve("ops"), "ops-1",
                Map.of("kms.remote-lock.cache-ttl", "0", "kms.remote-lock.timeout", "5s"))) {
            KmsClient kms = new KmsClient(ops.baseUrl());
            String body = "{\"controller\":\"did:example:alice\",\"secret_lock\":{\"type\":\"remote\",\"key_url\":\""
                    + authzKey + "\"}}";
            assertEquals(403, kms.withCredentials(ops.baseUrl() + "/v1/keystores", "POST", body, "alice", foreignShare)
                    .status());
            opsStore = expect(200, kms.withCredentials(ops.baseUrl() + "/v1/keystores", "POST", body, "alice", walletShare))
                    .string("key_store_url");
            assertEquals(authzKey, expect(200, kms.get(opsStore)).json().getJsonObject("secret_lock")
                    .getString("key_url"));
            opsKey = expect(200, kms.withCredentials(opsStore + "/keys", "POST", "{\"key_type\":\"ED25519\"}", "alice",
                    walletShare)).string("key_url");
            byte[] signature = sign(kms, opsKey, walletShare);
            expect(200, kms.withCredentials(opsKey + "/verify", "POST", json().add("signature", b64(signature))
                    .add("message", b64(MESSAGE)).build().toString(), "alice", walletShare));

            // a wrong share is refused by both servers
            assertEquals(403, kms.withCredentials(opsKey + "/sign", "POST", signBody(), "alice", foreignShare).status());
            assertEquals(403, new KmsClient(authz.baseUrl()).withCredentials(authzKey + "/encrypt", "POST", signBody(),
                    "alice", foreignShare).status());

            String plainStore = kms.createKeystore();
            String plainKey = kms.createKeyUrl(plainStore, "ED25519");
            double baseline = meanSignMillis(kms, plainKey, null);
            double uncached = meanSignMillis(kms, opsKey, walletShare);
            System.out.printf("remote lock latency (mean of %d signs, one run): key lock %.2f ms, remote lock "
                    + "uncached %.2f ms (+%.2f ms)%n", LATENCY_SAMPLES, baseline, uncached, uncached - baseline);

            // the authorization server down: with caching off nothing works; back up: works again
            authz.close();
            Answer down = kms.withCredentials(opsKey + "/sign", "POST", signBody(), "alice", walletShare);
            assertEquals(503, down.status());
            assertEquals("dependency_unavailable", down.code());
            authz = EmbeddedServer.start(data.resolve("authz"), "authz-2", authzSettings, authz.port());
            sign(kms, opsKey, walletShare);

            // rotating the authorization key keeps the ops keystore working; re-wrapping is one call
            expect(200, new KmsClient(authz.baseUrl()).withCredentials(authzKey + "/rotate", "POST", "{}", "alice",
                    walletShare));
            sign(kms, opsKey, walletShare);
            expect(200, kms.withCredentials(opsStore + "/rewrap", "POST", "{}", "alice", walletShare));
            sign(kms, opsKey, walletShare);
        }

        try (EmbeddedServer ops = EmbeddedServer.start(data.resolve("ops"), "ops-2", Map.of())) {
            KmsClient kms = new KmsClient(ops.baseUrl());
            String movedKey = opsKey.replaceFirst("http://[^/]+", ops.baseUrl());
            sign(kms, movedKey, walletShare);
            String plainStore = kms.createKeystore();
            double baseline = meanSignMillis(kms, kms.createKeyUrl(plainStore, "ED25519"), null);
            double cached = meanSignMillis(kms, movedKey, walletShare);
            System.out.printf("remote lock latency (mean of %d signs, one run): key lock %.2f ms, remote lock "
                    + "cached %.2f ms (+%.2f ms)%n", LATENCY_SAMPLES, baseline, cached, cached - baseline);
            assertEquals(403, kms.withCredentials(movedKey + "/sign", "POST", signBody(), "alice", foreignShare).status());
        } finally {
            authz.close();
        }
    }

    private static double meanSignMillis(KmsClient kms, String keyUrl, String share) {
        for (int i = 0; i < 5; i++) {
            sign(kms, keyUrl, share);
        }
        long start = System.nanoTime();
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            sign(kms, keyUrl, share);
        }
        return (System.nanoTime() - start) / 1e6 / LATENCY_SAMPLES;
    }

    private static String signBody() {
        return json().add("message", b64(MESSAGE)).build().toString();
    }

    private static byte[] sign(KmsClient kms, String keyUrl, String share) {
        return expect(200, kms.withCredentials(keyUrl + "/sign", "POST", signBody(), share == null ? null : "alice", share))
                .bytes("signature");
    }
}
