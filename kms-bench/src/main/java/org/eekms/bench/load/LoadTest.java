package org.eekms.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eekms.bench.jmh.ServiceBenchmarks;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The REST load test: starts the embedded server, creates one key per type, drives each scenario with wrk at several
 * concurrencies, then measures the same operations in process (JMH, {@link ServiceBenchmarks}) in the same run, and
 * prints requests/s, latencies and the ratios REST/HTTP-floor and REST/in-process, with the targets.
 *
 * <p>Options, {@code name=value}: {@code seconds} per run (15), {@code warmup} seconds per scenario (20),
 * {@code concurrency} (1,16,64,256), {@code soak} minutes of mixed load at 64 connections with the server's footprint
 * sampled each minute (0: none), {@code soak-delay} milliseconds each connection waits between its soak requests (0:
 * none, a saturating load), {@code jvm} options of the server (-Xms1g -Xmx1g), {@code url} of a running server
 * to drive instead of starting one (no footprint then).
 */
public final class LoadTest {

    private static final String MESSAGE = Base64.getEncoder().encodeToString(new byte[64]);
    private static final String KIB = Base64.getEncoder().encodeToString(new byte[1024]);
    private static final String FLOOR = "floor";
    private static final String BATCH = "batch-sign-ed25519-100";
    /** The connections of the p99 target, also paced at half the closed loop's rate (reported as -64). */
    static final int PACED = 64;

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario(FLOOR, null, "/healthcheck", null, 1, null),
            new Scenario("sign-ed25519", "ED25519", "/sign", "{\"message\":\"" + MESSAGE + "\"}", 1, "signEd25519"),
            new Scenario("sign-p256", "ECDSAP256IEEEP1363", "/sign", "{\"message\":\"" + MESSAGE + "\"}", 1,
                    "signEcdsaP256"),
            new Scenario("encrypt-aes256gcm-1k", "AES256GCM", "/encrypt", "{\"message\":\"" + KIB + "\"}", 1,
                    "encryptAes256Gcm1KiB"),
            new Scenario("computemac-1k", "HMACSHA256Tag256", "/computemac", "{\"data\":\"" + KIB + "\"}", 1,
                    "computeMacHmacSha256_1KiB"),
            new Scenario(BATCH, "ED25519", "/batch/sign", "{\"items\":["
                    + String.join(",", Collections.nCopies(ServiceBenchmarks.BATCH, "{\"message\":\"" + MESSAGE + "\"}"))
                    + "]}", ServiceBenchmarks.BATCH, "signEd25519"));

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(arg -> arg.contains("="))
                .map(arg -> arg.split("=", 2)).collect(Collectors.toMap(kv -> kv[0].replaceFirst("^--", ""),
                        kv -> kv[1], (a, b) -> b, HashMap::new));
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("--") && !args[i].contains("=")) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        int soak = Integer.parseInt(options.getOrDefault("soak", "0"));
        long soakDelay = Long.parseLong(options.getOrDefault("soak-delay", "0"));
        List<Integer> concurrencies = Arrays.stream(options.getOrDefault("concurrency", "1,16,64,256").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        if (!concurrencies.contains(PACED)) {
            throw new IllegalArgumentException("concurrency must include " + PACED + " (the latency target's)");
        }
        Path work = Path.of(options.getOrDefault("work", "target/load"));
        Files.createDirectories(work);
        Wrk.ensureInstalled();
        Wrk wrk = new Wrk(work.resolve("scripts"));

        System.out.println(Machine.describe());
        List<Run> runs = new ArrayList<>();
        List<KmsServer.Footprint> soakFootprints = new ArrayList<>();
        String url = options.get("url");
        String jvm = options.getOrDefault("jvm", "-Xms1g -Xmx1g");
        KmsServer server = url == null ? KmsServer.start(Path.of(options.get("micro")), Path.of(options.get("war")),
                Path.of(options.get("preboot")), work, List.of(jvm.split(" "))) : null;
        try {
            String base = url == null ? server.baseUrl : url;
            KmsServer client = server;
            Map<Scenario, String> targets = targets(base, server);
            System.out.printf("server at %s; warming up %d s per scenario%n", base, warmup);
            for (Scenario scenario : SCENARIOS) {
                wrk.run(targets.get(scenario), scenario, 16, warmup);
            }
            for (int connections : concurrencies) {
                for (Scenario scenario : SCENARIOS) {
                    Run run = new Run(scenario, connections, wrk.run(targets.get(scenario), scenario, connections,
                            seconds));
                    runs.add(run);
                    System.out.println(line(run));
                }
                // the floor again after the block, so that drift during the block weighs on both sides of the ratio
                Run again = new Run(SCENARIOS.get(0), connections, wrk.run(targets.get(SCENARIOS.get(0)),
                        SCENARIOS.get(0), connections, seconds));
                runs.add(again);
                System.out.println(line(again));
            }
            // latency at 64 connections under an offered load of half what the closed loop reached: what a client
            // sees when the server is busy but not saturated (a saturated closed loop only measures its queue)
            for (Scenario scenario : SCENARIOS) {
                double capacity = runs.stream().filter(r -> r.scenario() == scenario && r.connections() == PACED)
                        .mapToDouble(r -> r.result().requestsPerSecond()).max().orElse(0);
                if (capacity > 0) {
                    Run paced = new Run(scenario, -PACED, wrk.runPaced(targets.get(scenario), scenario, PACED,
                            seconds, capacity / 2));
                    runs.add(paced);
                    System.out.println(line(paced) + "  (paced at half of " + Math.round(capacity) + " req/s)");
                }
            }
            if (soak > 0 && client != null) {
                soakFootprints = Soak.run(wrk, client, targets, soak, soakDelay, work);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        Map<String, Double> inProcess = inProcess();
        String report = Report.render(runs, inProcess, concurrencies, soakFootprints);
        System.out.println(report);
        Files.writeString(work.resolve("report.md"), Machine.describe() + "\n\n" + report);
        System.out.println("report written to " + work.resolve("report.md"));
    }

    /** Creates a keystore and one key per type; the URL each scenario drives, checked to answer 200. */
    private static Map<Scenario, String> targets(String base, KmsServer server) throws Exception {
        KmsServer client = server != null ? server : KmsServer.attach(base);
        String keystore = client.createKeystore();
        Map<String, String> keys = new HashMap<>();
        Map<Scenario, String> targets = new LinkedHashMap<>();
        for (Scenario scenario : SCENARIOS) {
            String target = scenario.isFloor() ? base + scenario.path()
                    : keys.computeIfAbsent(scenario.keyType(), type -> create(client, keystore, type))
                            + scenario.path();
            client.check(target, scenario.body());
            targets.put(scenario, target);
        }
        return targets;
    }

    private static String create(KmsServer client, String keystore, String type) {
        try {
            return client.createKey(keystore, type);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same operations in this JVM through the warm service layer, with as many threads as the machine has cores. */
    private static Map<String, Double> inProcess() throws RunnerException {
        int cores = Runtime.getRuntime().availableProcessors();
        String methods = SCENARIOS.stream().map(Scenario::inProcess).filter(name -> name != null).distinct()
                .collect(Collectors.joining("|"));
        Options options = new OptionsBuilder()
                .include(ServiceBenchmarks.class.getName() + "\\.(" + methods + ")$")
                .threads(cores).forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(3))
                .build();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String benchmark = result.getParams().getBenchmark();
            scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        return scores;
    }

    private static String line(Run run) {
        Wrk.Result r = run.result();
        return String.format(Locale.ROOT, "%-24s c=%-4d %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms%s",
                run.scenario().name(), run.connections(), r.requestsPerSecond(), r.p50Millis(), r.p99Millis(),
                r.p999Millis(), r.errors() > 0 ? "  ERRORS " + r.errors() : "");
    }

    private LoadTest() {
    }
}
