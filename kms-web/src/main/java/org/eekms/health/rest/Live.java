package org.eekms.health.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live once deployed: the master lock and the schema are checked at deployment, which fails otherwise, and nothing
 * the application does afterwards needs a restart to recover (dependencies are readiness matters).
 */
@Liveness
@ApplicationScoped
public class Live implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return TimedCheck.up("kms", java.util.Map.of());
    }
}
