package org.eekms.it;

import static org.eekms.it.KmsClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eekms.it.KmsClient.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR on Payara Server with PostgreSQL: when the database stops, {@code /health/ready} turns DOWN (503) naming
 * the database, and it turns UP again when the database returns, without a restart of the server; keys made before
 * the outage work after it. Runs in the {@code it-payara-server} profile only, after the other suites.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static Archive<?> deployment() {
        return Deployments.kms();
    }

    @ArquillianResource
    URL base;

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        KmsClient kms = new KmsClient(base.toString());
        String key = kms.createKeyUrl(kms.createKeystore(), "ED25519");
        String ready = base.toURI().resolve("/health/ready").toString();
        awaitDatabase(kms, ready, 200, "UP");
        postgresql("stop");
        try {
            JsonObject down = awaitDatabase(kms, ready, 503, "DOWN");
            assertEquals("DOWN", down.getString("status"));
        } finally {
            postgresql("start");
        }
        awaitDatabase(kms, ready, 200, "UP");
        expect(200, kms.post(key + "/sign", "{\"message\":\"aGVsbG8=\"}"));
    }

    /** Polls until the database check has the status (and the endpoint the code); returns the health answer. */
    private static JsonObject awaitDatabase(KmsClient kms, String ready, int code, String status)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WITHIN);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = kms.get(ready);
            if (last.status() == code) {
                JsonObject health = last.json();
                boolean matches = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                        .anyMatch(check -> check.getString("name").equals("database")
                                && check.getString("status").equals(status));
                if (matches) {
                    return health;
                }
            }
            Thread.sleep(500);
        }
        fail("the database check did not become " + status + " within " + WITHIN + "; last answer "
                + (last == null ? "none" : last.status() + " " + last.body()));
        return null;
    }

    private static void postgresql(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(System.getProperty("kms.it.postgresql.ctl"), action)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "postgresql " + action + ": " + output);
    }
}
