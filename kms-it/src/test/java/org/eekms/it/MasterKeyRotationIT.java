package org.eekms.it;

import static org.eekms.it.KmsClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Master-key rotation on the embedded server, interrupted: keys made under master key A; the server restarted with
 * B as the master lock and A as the previous one (keys keep working through A); the re-sealing started, then the
 * server killed (SIGKILL) in the middle; restarted, the job resumes by itself and finishes; restarted with B alone,
 * every key still signs.
 */
class MasterKeyRotationIT {

    private static final int KEYSTORES = 40;
    private static final String SIGN = "{\"message\":\"aGVsbG8=\"}";

    @Test
    void anInterruptedRewrapResumesAndLeavesEveryKeyUsable() throws Exception {
        Path data = Path.of(System.getProperty("kms.it.data"), "rotation-" + System.nanoTime());
        List<String> keys = new ArrayList<>();
        int port;
        try (EmbeddedServer a = EmbeddedServer.start(data, "under-a")) {
            port = a.port();
            KmsClient kms = new KmsClient(a.baseUrl());
            for (int i = 0; i < KEYSTORES; i++) {
                keys.add(kms.createKeyUrl(kms.createKeystore(), "ED25519"));
            }
        }
        Path keyA = data.resolve("master.key");
        Path keyB = data.resolve("master-b.key");
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        Files.writeString(keyB, Base64.getEncoder().encodeToString(b));
        Files.setPosixFilePermissions(keyB, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> rotating = Map.of(
                "kms.secret-lock.key-path", keyB.toString(),
                "kms.secret-lock.previous.type", "local",
                "kms.secret-lock.previous.key-path", keyA.toString(),
                "kms.secret-lock.rewrap-batch-size", "4",
                "kms.secret-lock.rewrap-pause", "300ms");

        EmbeddedServer interrupted = EmbeddedServer.start(data, "rotating", rotating, port);
        KmsClient kms = new KmsClient(interrupted.baseUrl());
        expect(200, kms.post(keys.get(0) + "/sign", SIGN));
        String rewrap = interrupted.baseUrl() + "/v1/admin/master-lock/rewrap";
        assertEquals(202, kms.post(rewrap, "").status());
        JsonObject before = await(kms, rewrap, job -> job.getJsonNumber("checked").longValue() >= 8);
        interrupted.kill();
        assertTrue(before.getJsonNumber("checked").longValue() < KEYSTORES, "interrupted in the middle: " + before);

        try (EmbeddedServer resumed = EmbeddedServer.start(data, "resumed", rotating, port)) {
            JsonObject done = await(kms, rewrap, job -> job.getString("phase").equals("done"));
            assertEquals(KEYSTORES, done.getJsonNumber("total").longValue(), done.toString());
            assertEquals(KEYSTORES, done.getJsonNumber("checked").longValue(), done.toString());
            assertEquals(KEYSTORES, done.getJsonNumber("resealed").longValue(), done.toString());
            System.out.println("MasterKeyRotationIT: interrupted at " + before + ", finished " + done);
        }

        try (EmbeddedServer underB = EmbeddedServer.start(data, "under-b",
                Map.of("kms.secret-lock.key-path", keyB.toString()), port)) {
            for (String key : keys) {
                expect(200, kms.post(key + "/sign", SIGN));
            }
            // without the previous lock there is nothing to re-seal with
            assertEquals(400, kms.post(rewrap, "").status());
        }
    }

    private static JsonObject await(KmsClient kms, String rewrap, Predicate<JsonObject> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            var answer = kms.get(rewrap);
            if (answer.status() == 200) {
                last = answer.json();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        fail("the re-sealing did not get there; last progress " + last);
        return null;
    }
}
