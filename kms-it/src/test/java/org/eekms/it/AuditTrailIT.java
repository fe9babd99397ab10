package org.eekms.it;

import static org.eekms.it.KmsClient.b64;
import static org.eekms.it.KmsClient.expect;
import static org.eekms.it.KmsClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of the embedded server: requests are recorded without their contents, and the chain check
 * finds a row altered and a row removed in the database while the server was stopped.
 */
class AuditTrailIT {

    private static final String MESSAGE = b64("a message the audit trail must never hold".getBytes(StandardCharsets.UTF_8));

    @Test
    void requestsAreRecordedAndTamperingIsDetected() throws Exception {
        Path data = Path.of(System.getProperty("kms.it.data"), "audit-" + System.nanoTime());
        try (EmbeddedServer server = EmbeddedServer.start(data, "audit-first")) {
            KmsClient kms = new KmsClient(server.baseUrl());
            String keystore = kms.createKeystore();
            String key = kms.createKeyUrl(keystore, "ED25519");
            String signature = expect(200, kms.post(key + "/sign", json().add("message", MESSAGE).build().toString()))
                    .string("signature");
            assertEquals(400, kms.post(key + "/verify", json().add("signature", signature)
                    .add("message", b64(new byte[3])).build().toString()).status());
            assertEquals(404, kms.post(keystore + "/keys/nope/sign", json().add("message", MESSAGE).build()
                    .toString()).status());
            JsonObject verification = expect(200, kms.get(server.baseUrl() + "/v1/audit/verify")).json();
            assertTrue(verification.getBoolean("intact"), verification.toString());
            assertTrue(verification.getJsonNumber("rows").longValue() >= 5, verification.toString());
        }

        Map<Long, String[]> rows = rows(data);
        String keystoreId = null;
        long failedVerify = -1;
        for (Map.Entry<Long, String[]> row : rows.entrySet()) {
            String[] fields = row.getValue();
            for (String field : fields) {
                assertFalse(field != null && (field.contains(MESSAGE) || field.contains("a message")),
                        "no request content in the trail: " + String.join(" | ", fields));
            }
            if (fields[3].equals("POST /v1/keystores/{ks}/keys/{kid}/verify")) {
                assertEquals("400 verification_failed", fields[4]);
                failedVerify = row.getKey();
                keystoreId = fields[1];
            }
        }
        assertTrue(failedVerify > 0, "the failed verify was recorded: " + rows.size() + " rows");
        assertTrue(rows.values().stream().anyMatch(f -> f[3].equals("POST /v1/keystores/{ks}/keys/{kid}/sign")
                && f[4].equals("404 key_not_found") && "nope".equals(f[2])), "the 404 was recorded");
        assertTrue(rows.values().stream().anyMatch(f -> f[3].equals("POST /v1/keystores") && f[4].equals("200")));
        assertTrue(keystoreId != null && !keystoreId.isEmpty());

        // an altered row: the failed verify made to look like a success
        sql(data, "UPDATE audit_event SET outcome = '200' WHERE seq = " + failedVerify);
        assertBroken(data, "audit-altered", failedVerify, "altered");

        // a removed row, the altered one restored
        sql(data, "UPDATE audit_event SET outcome = '400 verification_failed' WHERE seq = " + failedVerify);
        sql(data, "DELETE FROM audit_event WHERE seq = 2");
        assertBroken(data, "audit-removed", 3, "missing");
    }

    private static void assertBroken(Path data, String name, long seq, String problem) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(data, name)) {
            JsonObject verification = expect(200, new KmsClient(server.baseUrl())
                    .get(server.baseUrl() + "/v1/audit/verify")).json();
            assertFalse(verification.getBoolean("intact"), verification.toString());
            assertEquals(seq, verification.getJsonNumber("firstBrokenSeq").longValue(), verification.toString());
            assertTrue(verification.getString("problem").contains(problem), verification.toString());
        }
    }

    /** seq → actor, keystore, key, operation, outcome of every row. */
    private static Map<Long, String[]> rows(Path data) throws SQLException {
        Map<Long, String[]> rows = new LinkedHashMap<>();
        try (Connection db = connect(data); Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT seq, actor, keystore_id, key_id, operation, outcome FROM audit_event ORDER BY seq")) {
            while (result.next()) {
                rows.put(result.getLong(1), new String[] {result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5), result.getString(6)});
            }
        }
        return rows;
    }

    private static void sql(Path data, String update) throws SQLException {
        try (Connection db = connect(data); Statement statement = db.createStatement()) {
            assertEquals(1, statement.executeUpdate(update), update);
        }
    }

    private static Connection connect(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db").resolve("kms").toAbsolutePath(),
                "kms", "");
    }
}
