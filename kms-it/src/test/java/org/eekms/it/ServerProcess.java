package org.eekms.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waiting for a server process the tests started until its {@code /healthcheck} answers. */
final class ServerProcess {

    private ServerProcess() {
    }

    /**
     * Returns once {@code baseUrl/healthcheck} answers 200; otherwise, when the process dies, {@code failed} says so or
     * four minutes pass, runs {@code stop} and throws with the log's last lines.
     */
    static void awaitHealthy(Process process, String baseUrl, Path log, BooleanSupplier failed, AutoCloseable stop)
            throws IOException, InterruptedException {
        KmsClient kms = new KmsClient(baseUrl);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline) && process.isAlive() && !failed.getAsBoolean()) {
            try {
                if (kms.get(baseUrl + "/healthcheck").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // the port is not open yet
            }
            Thread.sleep(500);
        }
        try {
            stop.close();
        } catch (Exception e) {
            // reported below with the log
        }
        List<String> lines = Files.readAllLines(log);
        throw new AssertionError("the server did not become healthy; last lines of " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
}
