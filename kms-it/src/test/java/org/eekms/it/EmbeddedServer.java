package org.eekms.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default in its own process, started and stopped as an operator would (what {@code mvn -Prun package}
 * runs): Payara Micro's jar with the kms-micro WAR, a data folder, and any settings as system properties.
 */
final class EmbeddedServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private EmbeddedServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static EmbeddedServer start(Path data, String name) throws IOException, InterruptedException {
        return start(data, name, Map.of());
    }

    static EmbeddedServer start(Path data, String name, Map<String, String> settings)
            throws IOException, InterruptedException {
        return start(data, name, settings, freePort());
    }

    /** On a given port: a restarted server keeps its address, as the URLs stored by its clients expect. */
    static EmbeddedServer start(Path data, String name, Map<String, String> settings, int port)
            throws IOException, InterruptedException {
        Files.createDirectories(data);
        Path log = data.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dkms.data=" + data.toAbsolutePath(),
                "-Dhibernate.transaction.jta.platform=" + System.getProperty("hibernate.jta.platform")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("kms.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        EmbeddedServer server = new EmbeddedServer(process, port);
        ServerProcess.awaitHealthy(process, server.baseUrl(), log, () -> deploymentFailed(log), server);
        return server;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private static boolean deploymentFailed(Path log) {
        try {
            return Files.exists(log) && Files.readString(log).contains("Exception while loading the app");
        } catch (IOException e) {
            return false;
        }
    }

    /** As a crash would: SIGKILL, no shutdown hooks, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
