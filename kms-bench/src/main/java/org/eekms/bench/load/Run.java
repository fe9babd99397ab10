package org.eekms.bench.load;

/** One wrk run of a scenario at a number of connections. */
record Run(Scenario scenario, int connections, Wrk.Result result) {

    double opsPerSecond() {
        return result.requestsPerSecond() * scenario.opsPerRequest();
    }
}
