package org.eekms.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The Flyway migrations from an empty database, and from the previous schema version with data in it: an upgrade
 * keeps every row. (The EAR suites run the same migrations on an empty PostgreSQL database.)
 */
class MigrationsTest {

    private static final String LATEST = "6";

    @Test
    void anEmptyDatabaseGetsTheWholeSchema() throws SQLException {
        String url = "jdbc:h2:mem:migrations-empty;DB_CLOSE_DELAY=-1";
        MigrateResult result = flyway(url, null).migrate();
        assertEquals(LATEST, result.targetSchemaVersion);
        assertEquals(Integer.parseInt(LATEST), result.migrationsExecuted);
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            for (String table : new String[] {"KEYSTORE", "WRAPPED_KEYSET", "KEY_NAME", "HELD_SHARE", "AUDIT_EVENT"}) {
                try (ResultSet tables = db.getMetaData().getTables(null, null, table, null)) {
                    assertTrue(tables.next(), table);
                }
            }
        }
        assertEquals(0, flyway(url, null).migrate().migrationsExecuted, "a second deployment applies nothing");
    }

    @Test
    void theLatestMigrationKeepsWhatThePreviousVersionHeld() throws SQLException {
        String url = "jdbc:h2:mem:migrations-upgrade;DB_CLOSE_DELAY=-1";
        flyway(url, "5").migrate();
        byte[] sealed = {1, 2, 3, 4};
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            execute(db, "INSERT INTO keystore (id, controller, lock_type, sealed_lock_key, created_at) "
                    + "VALUES ('ks1', 'did:example:a', 'key', ?, ?)", sealed, Timestamp.from(Instant.EPOCH));
            execute(db, "INSERT INTO wrapped_keyset (id, keystore_id, key_type, primary_key_id, sealed_keyset, "
                    + "created_at, updated_at, row_version) VALUES ('k1', 'ks1', 'ED25519', 'kid', ?, ?, ?, 0)",
                    sealed, Timestamp.from(Instant.EPOCH), Timestamp.from(Instant.EPOCH));
            execute(db, "INSERT INTO key_name (keystore_id, key_id, keyset_id) VALUES ('ks1', 'kid', 'k1')");
        }

        MigrateResult upgrade = flyway(url, null).migrate();

        assertEquals(LATEST, upgrade.targetSchemaVersion);
        assertEquals(1, upgrade.migrationsExecuted);
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                ResultSet row = db.createStatement().executeQuery(
                        "SELECT k.controller, k.owner, k.sealed_lock_key, w.sealed_keyset, n.key_id FROM keystore k "
                        + "JOIN wrapped_keyset w ON w.keystore_id = k.id JOIN key_name n ON n.keyset_id = w.id")) {
            assertTrue(row.next());
            assertEquals("did:example:a", row.getString(1));
            assertNull(row.getString(2));
            assertArrayEquals(sealed, row.getBytes(3));
            assertArrayEquals(sealed, row.getBytes(4));
            assertEquals("kid", row.getString(5));
        }
    }

    private static Flyway flyway(String url, String target) {
        var configuration = Flyway.configure(MigrationsTest.class.getClassLoader()).dataSource(url, "sa", "")
                .locations("classpath:db/migration/kms");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
