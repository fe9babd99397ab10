package org.eekms.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eekms.problem.KmsException;
import org.eekms.secretlock.boundary.MasterLock;
import org.eekms.secretlock.control.HeldShares;

/**
 * Probes of what the server depends on, for the readiness checks: each answers null when the dependency works, or
 * what is wrong with it (never a secret). They may block; the checks bound them in time.
 */
@ApplicationScoped
public class Dependencies {

    private static final byte[] PROBE = "eekms readiness probe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTEXT = "eekms/health".getBytes(StandardCharsets.US_ASCII);

    @Resource(lookup = "java:app/jdbc/kms")
    DataSource dataSource;

    @Inject
    MasterLock masterLock;

    @Inject
    HeldShares heldShares;

    /** A valid connection from the pool. */
    public String database() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "the connection is not valid";
        } catch (SQLException e) {
            return "no connection (SQLState " + e.getSQLState() + ")";
        }
    }

    /** A seal/unseal round trip through the master lock (two AWS KMS calls with the aws lock). */
    public String masterLock() {
        try {
            byte[] opened = masterLock.unseal(masterLock.seal(PROBE, CONTEXT), CONTEXT);
            return MessageDigest.isEqual(PROBE, opened) ? null : "the probe did not round-trip";
        } catch (KmsException e) {
            return e.code();
        }
    }

    /** Whether shares come from an Auth server over HTTP ({@code KMS_AUTH_SERVER_URL}). */
    public boolean authServerConfigured() {
        return heldShares.remote();
    }

    /** The Auth server's {@code /healthcheck} answers 200. */
    public String authServer() {
        return heldShares.authServerProblem();
    }
}
