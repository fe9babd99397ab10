package org.eekms.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Minutes of mixed load (every key scenario in turn on each connection, 64 connections) with the server's footprint
 * (live heap, RSS, threads, open files) sampled each minute: what must stay flat.
 */
final class Soak {

    static List<KmsServer.Footprint> run(Wrk wrk, KmsServer server, Map<Scenario, String> targets, int minutes,
            long pacedMillis, Path work) throws IOException, InterruptedException {
        Path script = work.resolve("scripts").resolve("mixed.lua");
        Files.createDirectories(script.getParent());
        Files.writeString(script, mixed(targets, pacedMillis));
        List<KmsServer.Footprint> footprints = new ArrayList<>();
        footprints.add(server.footprint());
        System.out.printf("soak: %d minutes of mixed load at 64 connections; %s%n", minutes, footprints.get(0));
        Process load = new ProcessBuilder("wrk", "-t2", "-c64", "-d" + minutes * 60 + "s", "--timeout", "10s",
                "-s", script.toString(), server.baseUrl).redirectErrorStream(true)
                .redirectOutput(work.resolve("soak-wrk.txt").toFile()).start();
        for (int minute = 1; minute <= minutes; minute++) {
            if (load.waitFor(60, TimeUnit.SECONDS)) {
                break;
            }
            KmsServer.Footprint footprint = server.footprint();
            footprints.add(footprint);
            System.out.printf("soak minute %d: %s%n", minute, footprint);
        }
        load.waitFor();
        String summary = Files.readString(work.resolve("soak-wrk.txt"));
        System.out.println(summary);
        if (summary.contains("Non-2xx") || summary.contains("Socket errors")) {
            throw new IllegalStateException("the soak's requests failed: " + summary);
        }
        return footprints;
    }

    /**
     * A Lua script whose request() cycles through the scenarios' requests, built in init(): wrk adds the Host header
     * to its defaults only then, and requests formatted earlier go without it (400 for every one).
     */
    private static String mixed(Map<Scenario, String> targets, long pacedMillis) {
        StringBuilder lua = new StringBuilder("local requests = {}\ninit = function(args)\n");
        targets.forEach((scenario, url) -> {
            if (!scenario.isFloor()) {
                String path = url.replaceFirst("^https?://[^/]+", "");
                lua.append("  table.insert(requests, wrk.format(\"POST\", \"").append(path)
                        .append("\", {[\"Content-Type\"] = \"application/json\"}, [[").append(scenario.body())
                        .append("]]))\n");
            }
        });
        lua.append("""
                end
                local i = 0
                request = function()
                  i = i % #requests + 1
                  return requests[i]
                end
                """);
        if (pacedMillis > 0) {
            lua.append("delay = function() return ").append(pacedMillis).append(" end\n");
        }
        return lua.toString();
    }

    private Soak() {
    }
}
