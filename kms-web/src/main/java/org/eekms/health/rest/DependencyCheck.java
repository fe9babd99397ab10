package org.eekms.health.rest;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eekms.health.boundary.Dependencies;

/** A readiness check of one dependency: its probe in {@link Dependencies}, bounded in time by a {@link TimedCheck}. */
abstract class DependencyCheck implements HealthCheck {

    private final TimedCheck check;

    @Inject
    Dependencies dependencies;

    @Resource
    ManagedExecutorService executor;

    DependencyCheck(String name, Duration deadline, Duration reuse) {
        this.check = new TimedCheck(name, deadline, reuse);
    }

    /** Null when the dependency works, or what is wrong with it. */
    abstract String probe();

    @Override
    public HealthCheckResponse call() {
        return check.run(executor, this::probe);
    }
}
