package org.eekms.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A WildFly node of its own: the WildFly the build configured (PostgreSQL datasource and all), started from a base
 * directory of its own with a port offset and kms.ear in its deployment folder, as an administrator adds a node.
 */
final class WildFlyNode implements AutoCloseable {

    private static final Pattern DEPLOYMENTS = Pattern.compile("\\s*<deployments>.*?</deployments>", Pattern.DOTALL);

    private final Process process;
    private final int httpPort;

    private WildFlyNode(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static WildFlyNode start(Path base, int portOffset, Map<String, String> settings)
            throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("jboss.home"));
        Path configuration = Files.createDirectories(base.resolve("configuration"));
        for (String file : List.of("standalone.xml", "logging.properties", "application-users.properties",
                "application-roles.properties", "mgmt-users.properties", "mgmt-groups.properties")) {
            Files.copy(home.resolve("standalone/configuration").resolve(file), configuration.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        // what the build's own server had deployed is not this node's
        Path standalone = configuration.resolve("standalone.xml");
        Files.writeString(standalone, DEPLOYMENTS.matcher(Files.readString(standalone)).replaceAll(""));
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("kms.ear")), deployments.resolve("kms.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        Path log = base.resolve("node.log");
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone.xml", "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + portOffset, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Dkms.secret-lock.key-path=" + System.getProperty("kms.master.key")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
        WildFlyNode node = new WildFlyNode(builder.start(), 8080 + portOffset);
        ServerProcess.awaitHealthy(node.process, node.baseUrl(), log, () -> false, node);
        return node;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Stops the launcher script and the server it started. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }
}
