package org.eekms.health.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * With {@code KMS_AUTH_SERVER_URL} set, ready only while the Auth server that holds the second shares answers its
 * {@code /healthcheck}: without it no {@code shamir} keystore opens for a subject whose share is not cached.
 */
@Readiness
@ApplicationScoped
public class AuthServerReadiness extends DependencyCheck {

    public AuthServerReadiness() {
        super("auth-server", Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Override
    String probe() {
        return dependencies.authServer();
    }

    @Override
    public HealthCheckResponse call() {
        return dependencies.authServerConfigured() ? super.call()
                : TimedCheck.up("auth-server", Map.of("configured", false));
    }
}
