package org.eekms.health.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: every key operation on a cold key and every write needs it. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness extends DependencyCheck {

    public DatabaseReadiness() {
        super("database", Duration.ofSeconds(3), Duration.ofSeconds(1));
    }

    @Override
    String probe() {
        return dependencies.database();
    }
}
