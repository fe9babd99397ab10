package org.eekms.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The load test's results as a Markdown table, the ratios to the HTTP floor (the mean of the floor runs at the same
 * concurrency) and to the in-process rate, and the targets, each met or missed.
 */
final class Report {

    private static final double FLOOR_TARGET = 0.70;
    private static final double BATCH_TARGET = 0.70;
    private static final double P99_TARGET_MILLIS = 10;
    private static final int P99_CONNECTIONS = 64;

    static String render(List<Run> runs, Map<String, Double> inProcess, List<Integer> concurrencies,
            List<KmsServer.Footprint> soak) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | connections | requests/s | operations/s | p50 ms | p99 ms | p99.9 ms | REST/floor "
                + "| REST/in-process |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder targets = new StringBuilder("\nTargets:\n");
        StringBuilder paced = new StringBuilder("\nLatency at a steady load (64 connections, each pausing between "
                + "requests so that together they offer half the closed loop's rate):\n\n"
                + "| scenario | connections | requests/s | p50 ms | p99 ms | p99.9 ms |\n|---|---:|---:|---:|---:|---:|\n");
        for (int connections : concurrencies) {
            double floor = floor(runs, connections);
            for (Run run : runs) {
                if (Math.abs(run.connections()) != connections || run.scenario().isFloor() && run.connections() > 0) {
                    continue;
                }
                if (run.connections() < 0) {
                    paced.append(String.format(Locale.ROOT, "| %s | %d paced | %.0f | %.2f | %.2f | %.2f |%n",
                            run.scenario().name(), connections, run.result().requestsPerSecond(),
                            run.result().p50Millis(), run.result().p99Millis(), run.result().p999Millis()));
                    if (run.scenario().opsPerRequest() == 1 && !run.scenario().isFloor()) {
                        targets.append(verdict(String.format(Locale.ROOT, "%s p99 at %d connections, paced at %.0f "
                                + "req/s: %.2f ms (target < 10 ms)", run.scenario().name(), connections,
                                run.result().requestsPerSecond(), run.result().p99Millis()),
                                run.result().p99Millis() < P99_TARGET_MILLIS));
                    }
                    continue;
                }
                Wrk.Result r = run.result();
                Double limit = inProcess.get(run.scenario().inProcess());
                double toFloor = r.requestsPerSecond() / floor;
                double toInProcess = limit == null ? Double.NaN : run.opsPerSecond() / limit;
                out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.3f |%n",
                        run.scenario().name(), connections, r.requestsPerSecond(), run.opsPerSecond(), r.p50Millis(),
                        r.p99Millis(), r.p999Millis(), toFloor, toInProcess));
                String name = run.scenario().name();
                if (name.startsWith("sign-") || name.startsWith("encrypt-")) {
                    targets.append(verdict(String.format(Locale.ROOT, "%s at %d connections reaches %.0f%% of the "
                            + "HTTP floor (target ≥ 70%%)", name, connections, 100 * toFloor), toFloor >= FLOOR_TARGET));
                }
                if (name.startsWith("batch-")) {
                    targets.append(verdict(String.format(Locale.ROOT, "%s at %d connections signs at %.0f%% of the "
                            + "in-process sign rate (target ≥ 70%%)", name, connections, 100 * toInProcess),
                            toInProcess >= BATCH_TARGET));
                }
                if (connections == P99_CONNECTIONS && run.scenario().opsPerRequest() == 1) {
                    targets.append(verdict(String.format(Locale.ROOT, "%s p99 at %d connections, closed loop at "
                            + "%.0f req/s: %.2f ms (target < 10 ms)", name, connections, r.requestsPerSecond(),
                            r.p99Millis()), r.p99Millis() < P99_TARGET_MILLIS));
                }
            }
            out.append(String.format(Locale.ROOT, "| floor (GET /healthcheck, mean of %d runs) | %d | %.0f | | | | | 1.00 "
                    + "| |%n", runs.stream().filter(r -> r.connections() == connections && r.scenario().isFloor())
                    .count(), connections, floor));
        }
        out.append("\nIn process (warm service layer, JMH, all cores): ").append(inProcess.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s %.0f/s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "))).append("\n");
        out.append(paced);
        out.append(targets);
        if (!soak.isEmpty()) {
            KmsServer.Footprint first = soak.get(0);
            KmsServer.Footprint last = soak.get(soak.size() - 1);
            out.append(String.format(Locale.ROOT, "%nSoak (%d samples, one a minute): live heap %d → %d MiB, "
                    + "RSS %d → %d MiB, threads %d → %d, open files %d → %d%n", soak.size(), first.heapUsedKib() >> 10,
                    last.heapUsedKib() >> 10, first.rssKib() >> 10, last.rssKib() >> 10, first.threads(),
                    last.threads(), first.openFiles(), last.openFiles()));
            soak.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        return out.toString();
    }

    private static double floor(List<Run> runs, int connections) {
        return runs.stream().filter(r -> r.connections() == connections && r.scenario().isFloor())
                .mapToDouble(r -> r.result().requestsPerSecond()).average().orElse(Double.NaN);
    }

    private static String verdict(String text, boolean met) {
        return "- " + (met ? "MET    " : "MISSED ") + text + "\n";
    }

    private Report() {
    }
}
