package org.eekms.bench.load;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scale: fills a running server (the EAR on PostgreSQL, set up as the README's production section says) with
 * {@code keystores} × {@code keys} Ed25519 keys, then signs with keys picked at random among all of them, so that
 * nearly every request misses the bounded key cache: the cold-key latency (one query and one unwrap) and the cache's
 * hit ratio, read from the server's own meters.
 *
 * <p>Options, {@code name=value}: {@code url} of the server (required), {@code keystores} (10000), {@code keys} per
 * keystore (100), {@code connections} (32), {@code seconds} of cold signing (60), {@code fill-minutes} at most for
 * creating the keys (120), {@code work} folder, {@code reuse} (true: keep the keys a previous run created and listed
 * in the work folder).
 */
public final class ScaleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(arg -> arg.contains("="))
                .map(arg -> arg.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b,
                        HashMap::new));
        String url = options.get("url");
        if (url == null) {
            throw new IllegalArgumentException("url=<the server's base URL> is required");
        }
        int keystores = Integer.parseInt(options.getOrDefault("keystores", "10000"));
        int keysPerKeystore = Integer.parseInt(options.getOrDefault("keys", "100"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int fillMinutes = Integer.parseInt(options.getOrDefault("fill-minutes", "120"));
        Path work = Path.of(options.getOrDefault("work", "target/scale"));
        Path keyList = work.resolve("keys.txt");
        Files.createDirectories(work);
        Wrk.ensureInstalled();

        if (!Boolean.parseBoolean(options.getOrDefault("reuse", "true")) || !Files.exists(keyList)) {
            long start = System.nanoTime();
            List<String> keystoreUrls = createKeystores(url, keystores, connections);
            System.out.printf(Locale.ROOT, "%d keystores in %.1f s%n", keystoreUrls.size(), seconds(start));
            Files.write(work.resolve("keystores.txt"), keystoreUrls);
            start = System.nanoTime();
            createKeys(work, keystoreUrls, keysPerKeystore, connections, fillMinutes);
            try (Stream<String> lines = Files.lines(keyList)) {
                long created = lines.count();
                System.out.printf(Locale.ROOT, "%d keys in %.1f s (%.0f keys/s)%n", created, seconds(start),
                        created / seconds(start));
            }
        }
        Map<String, Double> before = cacheMeters(url);
        Wrk.Result cold = coldSigns(work, url, connections, seconds);
        Map<String, Double> after = cacheMeters(url);
        double hits = after.getOrDefault("hit", 0.0) - before.getOrDefault("hit", 0.0);
        double misses = after.getOrDefault("miss", 0.0) - before.getOrDefault("miss", 0.0);
        String report = String.format(Locale.ROOT, "cold signs (random keys among all, %d connections, %d s): %.0f "
                + "req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, errors %d%nkey cache during the run: %.0f hits, "
                + "%.0f misses, hit ratio %.3f; cache size %.0f of its bound%n", connections, seconds,
                cold.requestsPerSecond(), cold.p50Millis(), cold.p99Millis(), cold.p999Millis(), cold.errors(), hits,
                misses, hits / Math.max(1, hits + misses), after.getOrDefault("size", -1.0));
        System.out.print(report);
        Files.writeString(work.resolve("report.txt"), report);
    }

    private static List<String> createKeystores(String url, int count, int parallel) throws Exception {
        Semaphore inFlight = new Semaphore(parallel);
        List<CompletableFuture<String>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            created.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url + "/v1/keystores"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"controller\":\"did:example:scale-" + i
                                    + "\"}")).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> inFlight.release())
                    .thenApply(response -> Json.createReader(new StringReader(response.body())).readObject()
                            .getString("key_store_url")));
        }
        List<String> urls = new ArrayList<>();
        for (CompletableFuture<String> keystore : created) {
            urls.add(keystore.get());
        }
        return urls;
    }

    /**
     * wrk creates the keys: each thread takes every n-th keystore and stops after its share; response() records the
     * key URLs, one file per thread.
     */
    private static void createKeys(Path work, List<String> keystoreUrls, int perKeystore, int connections,
            int fillMinutes)
            throws IOException, InterruptedException {
        Path script = work.resolve("create-keys.lua");
        String base = keystoreUrls.get(0).replaceFirst("(https?://[^/]+).*", "$1");
        Files.writeString(script, """
                local keystores, total = {}, 0
                for line in io.lines("%s") do table.insert(keystores, (line:gsub("^https?://[^/]+", ""))) end
                local per, threads, created, counter = %d, {}, 0, 0
                local out
                setup = function(thread) thread:set("id", #threads + 1); table.insert(threads, thread) end
                init = function(args)
                  out = io.open("%s/keys-" .. id .. ".txt", "w")
                  counter = id - 1
                end
                request = function()
                  local keystore = keystores[counter %% #keystores + 1]
                  counter = counter + %d
                  return wrk.format("POST", keystore .. "/keys", {["Content-Type"] = "application/json"},
                      '{"key_type":"ED25519"}')
                end
                response = function(status, headers, body)
                  if status == 200 then
                    local key = body:match('"key_url"%%s*:%%s*"([^"]+)"')
                    if key then
                      out:write(key, "\\n"); created = created + 1
                      if created %% 100 == 0 then out:flush() end
                    end
                  end
                  if created >= per * #keystores / %d then out:flush(); wrk.thread:stop() end
                end
                """.formatted(work.resolve("keystores.txt").toAbsolutePath(), perKeystore,
                work.toAbsolutePath(), 2, 2));
        // at most fillMinutes: a slow server fills what it can, and the report says how many keys there are
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + fillMinutes * 60 + "s",
                "--timeout", "30s",
                "-s", script.toString(), base).inheritIO().start();
        // wrk's threads stop after their share, but wrk itself waits out its duration: stop it once all are there
        long wanted = (long) perKeystore * keystoreUrls.size();
        while (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
            if (keysWritten(work) >= wanted) {
                process.destroy();
                process.waitFor();
            }
        }
        List<String> keys = new ArrayList<>();
        for (Path part : keyParts(work)) {
            keys.addAll(Files.readAllLines(part));
        }
        Files.write(work.resolve("keys.txt"), keys);
    }

    /** The key URLs wrk's threads wrote, one file per thread. */
    private static List<Path> keyParts(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().matches("keys-\\d+\\.txt")).toList();
        }
    }

    private static long keysWritten(Path work) throws IOException {
        long lines = 0;
        for (Path part : keyParts(work)) {
            try (Stream<String> keys = Files.lines(part)) {
                lines += keys.count();
            }
        }
        return lines;
    }

    /** Signs with a key picked at random among all created, on every request. */
    private static Wrk.Result coldSigns(Path work, String url, int connections, int seconds)
            throws IOException, InterruptedException {
        Path script = work.resolve("cold-sign.lua");
        Files.writeString(script, """
                local keys = {}
                for line in io.lines("%s") do table.insert(keys, (line:gsub("^https?://[^/]+", ""))) end
                math.randomseed(os.time() + (id or 0))
                request = function()
                  return wrk.format("POST", keys[math.random(#keys)] .. "/sign",
                      {["Content-Type"] = "application/json"}, '{"message":"aGVsbG8="}')
                end
                """.formatted(work.resolve("keys.txt").toAbsolutePath()) + Wrk.DONE);
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout",
                "30s", "-s", script.toString(), url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return Wrk.parse(output);
    }

    /** The key cache's Caffeine meters from the server's Prometheus text: hits, misses, size. */
    private static Map<String, Double> cacheMeters(String url) throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/v1/admin/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> meters = new HashMap<>();
        Matcher gets = Pattern.compile("cache_gets_total\\{[^}]*cache=\"keys\"[^}]*result=\"(hit|miss)\"[^}]*} "
                + "([0-9.E+]+)").matcher(text);
        while (gets.find()) {
            meters.put(gets.group(1), Double.parseDouble(gets.group(2)));
        }
        Matcher size = Pattern.compile("cache_size\\{[^}]*cache=\"keys\"[^}]*} ([0-9.E+]+)").matcher(text);
        if (size.find()) {
            meters.put("size", Double.parseDouble(size.group(1)));
        }
        return meters;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private ScaleTest() {
    }
}
