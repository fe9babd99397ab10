package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.eekms.it.KmsClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * Two WildFly nodes sharing one PostgreSQL database, with the default key cache (10 minutes): a key created on A
 * is usable on B at once; after a rotation on A, B signs with the new primary within the poll interval; after a
 * deletion on A, B answers 404 within it. Runs in the {@code it-wildfly} profile.
 */
class ClusterIT {

    /** KMS_CLUSTER_POLL_INTERVAL (1 s) plus the poll's query, with room for a loaded CI machine. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final byte[] MESSAGE = "cluster".getBytes(StandardCharsets.UTF_8);
    private static final String SIGN = "{\"message\":\"" + b64(MESSAGE) + "\"}";

    @Test
    void changesOnOneNodeReachTheOtherWithinThePollInterval() throws Exception {
        Path base = Path.of(System.getProperty("kms.it.data"), "cluster-" + System.nanoTime());
        Map<String, String> settings = Map.of("kms.cluster.poll-interval", "1s");
        try (WildFlyNode a = WildFlyNode.start(base.resolve("a"), 100, settings);
                WildFlyNode b = WildFlyNode.start(base.resolve("b"), 200, settings)) {
            KmsClient onA = new KmsClient(a.baseUrl());
            KmsClient onB = new KmsClient(b.baseUrl());
            String key = onA.createKeyUrl(onA.createKeystore(), "ED25519");
            String keyOnB = key.replace(a.baseUrl(), b.baseUrl());

            // created on A, usable on B at once (B caches it now)
            byte[] first = expect(200, onB.post(keyOnB + "/sign", SIGN)).bytes("signature");
            assertTrue(verifies(first, publicKey(onA, key)));

            // rotated on A: B signs with the new primary within the bound
            String rotated = expect(200, onA.post(key + "/rotate", "{}")).string("key_url");
            byte[] newPublicKey = publicKey(onA, rotated);
            Duration seen = await(() -> onB.post(keyOnB + "/sign", SIGN),
                    answer -> answer.status() == 200 && verifies(answer.bytes("signature"), newPublicKey));
            System.out.println("ClusterIT: rotation on A seen on B after " + seen.toMillis() + " ms");

            // deleted on A: B refuses within the bound
            expect(200, onA.delete(key));
            Duration gone = await(() -> onB.post(keyOnB + "/sign", SIGN), answer -> answer.status() == 404);
            System.out.println("ClusterIT: deletion on A seen on B after " + gone.toMillis() + " ms");
            assertEquals(404, onB.post(keyOnB + "/sign", SIGN).status());
        }
    }

    private static Duration await(java.util.function.Supplier<Answer> call, Predicate<Answer> done)
            throws InterruptedException {
        Instant start = Instant.now();
        Answer last = null;
        while (Duration.between(start, Instant.now()).compareTo(BOUND) < 0) {
            last = call.get();
            if (done.test(last)) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(100);
        }
        fail("not seen on the other node within " + BOUND + "; last answer " + last.status() + " " + last.body());
        return BOUND;
    }

    private static byte[] publicKey(KmsClient kms, String keyUrl) {
        return expect(200, kms.get(keyUrl + "/export")).bytes("public_key");
    }

    private static boolean verifies(byte[] signature, byte[] publicKey) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(KeyApiIT.ed25519PublicKey(publicKey));
            ed25519.update(MESSAGE);
            return ed25519.verify(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
