package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.eekms.it.KmsClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        try (EmbeddedServer server = EmbeddedServer.start(data, 1)) {
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

        try (EmbeddedServer server = EmbeddedServer.start(data, 2)) {
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

    /** Payara Micro in its own process, started and stopped like an operator would. */
    static final class EmbeddedServer implements AutoCloseable {
        private final Process process;
        private final int port;

        private EmbeddedServer(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static EmbeddedServer start(Path data, int run) throws IOException, InterruptedException {
            Files.createDirectories(data);
            int port = freePort();
            Path log = data.resolve("server-" + run + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx512m",
                    "-Dkms.data=" + data.toAbsolutePath(),
                    "-Dhibernate.transaction.jta.platform=" + System.getProperty("hibernate.jta.platform"),
                    "-jar", System.getProperty("payara.microJar"),
                    "--deploy", System.getProperty("kms.war"), "--contextroot", "/",
                    "--port", String.valueOf(port), "--nocluster"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            EmbeddedServer server = new EmbeddedServer(process, port);
            server.awaitHealthy(log);
            return server;
        }

        String baseUrl() {
            return "http://localhost:" + port;
        }

        private void awaitHealthy(Path log) throws IOException, InterruptedException {
            KmsClient kms = new KmsClient(baseUrl());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    if (kms.get(baseUrl() + "/healthcheck").status() == 200) {
                        return;
                    }
                } catch (IllegalStateException notYetListening) {
                    // the port is not open yet
                }
                Thread.sleep(500);
            }
            close();
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError("Payara Micro did not become healthy; last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
