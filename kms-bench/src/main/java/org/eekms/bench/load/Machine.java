package org.eekms.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the numbers were measured on, for the report. */
final class Machine {

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: leave it unknown
        }
        return String.format("machine: %d cores (%s), %d MiB RAM for this JVM's max heap; Java %s; load generator wrk "
                + "on the same cores", Runtime.getRuntime().availableProcessors(), cpu,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    }

    private Machine() {
    }
}
