package org.eekms.bench.load;

/**
 * One kind of request the load test drives: a path under the server (relative to a key URL for key operations) and
 * the JSON body wrk sends with every request ({@code null} for a GET). {@code opsPerRequest} counts the crypto
 * operations one request does (100 for a batch of 100 signs).
 */
record Scenario(String name, String keyType, String path, String body, int opsPerRequest, String inProcess) {

    boolean isFloor() {
        return keyType == null;
    }
}
