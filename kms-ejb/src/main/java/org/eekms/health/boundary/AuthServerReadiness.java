package org.eekms.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eekms.secretlock.control.HeldShares;

/**
 * With {@code KMS_AUTH_SERVER_URL} set, ready only while the Auth server that holds the second shares answers its
 * {@code /healthcheck}: without it no {@code shamir} keystore opens for a subject whose share is not cached.
 */
@Readiness
@ApplicationScoped
public class AuthServerReadiness implements HealthCheck {

    private final TimedCheck check = new TimedCheck("auth-server", Duration.ofSeconds(5), Duration.ofSeconds(5));

    @Inject
    HeldShares heldShares;

    @Resource
    ManagedExecutorService executor;

    @Override
    public HealthCheckResponse call() {
        if (!heldShares.remote()) {
            return TimedCheck.up("auth-server", java.util.Map.of("configured", false));
        }
        return check.run(executor, heldShares::authServerProblem);
    }
}
