package org.eekms.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: every key operation on a cold key and every write needs it. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final TimedCheck check = new TimedCheck("database", Duration.ofSeconds(3), Duration.ofSeconds(1));

    @Resource(lookup = "java:app/jdbc/kms")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Override
    public HealthCheckResponse call() {
        return check.run(executor, () -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(2) ? null : "the connection is not valid";
            } catch (SQLException e) {
                return "no connection (SQLState " + e.getSQLState() + ")";
            }
        });
    }
}
