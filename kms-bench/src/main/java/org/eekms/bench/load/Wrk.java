package org.eekms.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's package), driven with a Lua script per scenario: keep-alive connections, each sending its next request
 * as soon as the answer is in (a closed loop), latencies recorded per request. Its done() hook prints one line the
 * test parses.
 */
final class Wrk {

    /** What one run measured. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, double p999Millis, long requests,
            long errors) {
    }

    private static final Pattern RESULT = Pattern.compile(
            "RESULT rps=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+) p999=([0-9.]+) requests=(\\d+) errors=(\\d+)");

    static final String DONE = """
            done = function(summary, latency, requests)
              local errors = summary.errors.status + summary.errors.connect + summary.errors.read
                  + summary.errors.write + summary.errors.timeout
              io.write(string.format("RESULT rps=%.1f p50=%.3f p99=%.3f p999=%.3f requests=%d errors=%d\\n",
                  summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
                  latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, summary.requests, errors))
            end
            """;

    private final Path scripts;

    Wrk(Path scripts) {
        this.scripts = scripts;
    }

    /** Installs wrk from Debian's packages when it is missing and this user may (CI and fresh machines run as root). */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (available()) {
            return;
        }
        System.out.println("wrk is not installed: apt-get install -y wrk");
        new ProcessBuilder("sh", "-c", "(apt-get update -qq || true) && apt-get install -y -qq wrk")
                .inheritIO().start().waitFor();
        if (!available()) {
            throw new IllegalStateException("wrk is needed: install Debian's package wrk (apt-get install wrk)");
        }
    }

    private static boolean available() throws InterruptedException {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    Result run(String url, Scenario scenario, int connections, int seconds) throws IOException, InterruptedException {
        return run(url, scenario, connections, seconds, scripts.resolve(scenario.name() + ".lua"), lua(scenario));
    }

    /**
     * A paced run: each connection waits before its next request so that all of them together offer about
     * {@code requestsPerSecond}; latencies are then the server's, not a queue's.
     */
    Result runPaced(String url, Scenario scenario, int connections, int seconds, double requestsPerSecond)
            throws IOException, InterruptedException {
        long delayMillis = Math.max(1, Math.round(connections * 1000 / requestsPerSecond));
        return run(url, scenario, connections, seconds, scripts.resolve(scenario.name() + "-paced.lua"),
                lua(scenario) + "delay = function() return " + delayMillis + " end\n");
    }

    private Result run(String url, Scenario scenario, int connections, int seconds, Path script, String lua)
            throws IOException, InterruptedException {
        Files.createDirectories(scripts);
        Files.writeString(script, lua);
        int threads = Math.min(2, connections);
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(), url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return parse(output);
    }

    static Result parse(String output) {
        Matcher matcher = RESULT.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        return new Result(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
                Long.parseLong(matcher.group(5)), Long.parseLong(matcher.group(6)));
    }

    private static String lua(Scenario scenario) {
        if (scenario.body() == null) {
            return DONE;
        }
        return "wrk.method = \"POST\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.body = [[" + scenario.body() + "]]\n" + DONE;
    }
}
