package org.eekms.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default, as {@code mvn -Prun package} starts it: Payara Micro with kms.war and a fresh H2 database, on a
 * free port. Also reads the server process's memory, threads and open files, for the flat-memory check.
 */
final class KmsServer implements AutoCloseable {

    /** What the server process holds at one moment; the heap is its live objects, after a full GC. */
    record Footprint(long heapUsedKib, long rssKib, int threads, int openFiles) {
    }

    private static final Pattern LIVE_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    final String baseUrl;

    private KmsServer(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static KmsServer start(Path micro, Path war, Path preboot, Path work, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path data = work.resolve("data");
        deleteRecursively(data);
        Files.createDirectories(data);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dkms.data=" + data,
                "-Dhibernate.transaction.jta.platform="
                        + "org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform",
                "-jar", micro.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster", "--prebootcommandfile", preboot.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile())
                .start();
        KmsServer server = new KmsServer(process, "http://localhost:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped while starting: see " + work.resolve("server.log"));
            }
            try {
                if (server.get("/healthcheck").statusCode() == 200) {
                    return server;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        server.close();
        throw new IllegalStateException("the server did not start within 240 s: see " + work.resolve("server.log"));
    }

    /** A server started elsewhere (Payara Server, WildFly): driven, not measured. */
    static KmsServer attach(String baseUrl) {
        return new KmsServer(null, baseUrl);
    }

    long pid() {
        return process.pid();
    }

    String createKeystore() throws IOException, InterruptedException {
        return post(baseUrl + "/v1/keystores", "{\"controller\":\"did:example:load-test\"}")
                .getString("key_store_url");
    }

    String createKey(String keystoreUrl, String keyType) throws IOException, InterruptedException {
        return post(keystoreUrl + "/keys", "{\"key_type\":\"" + keyType + "\"}").getString("key_url");
    }

    /** Checks that a scenario's request answers 200 before it is driven: a load of errors measures nothing. */
    void check(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = body == null ? get(url.substring(baseUrl.length()))
                : HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * The live heap is the total of a class histogram, which the JVM takes after a full collection: the heap's "used"
     * read after {@code GC.run} also counts what requests allocated since, tens of MiB under load.
     */
    Footprint footprint() throws IOException, InterruptedException {
        Matcher heap = LIVE_TOTAL.matcher(run("jcmd", String.valueOf(pid()), "GC.class_histogram"));
        long heapUsed = heap.find() ? Long.parseLong(heap.group(1)) >> 10 : -1;
        long rss = -1;
        int threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("\\D", ""));
            }
        }
        int files;
        try (var entries = Files.list(Path.of("/proc", String.valueOf(pid()), "fd"))) {
            files = (int) entries.count();
        }
        return new Footprint(heapUsed, rss, threads, files);
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
