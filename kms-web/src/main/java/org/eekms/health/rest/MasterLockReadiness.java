package org.eekms.health.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the master lock seals and opens: a round trip of a fixed probe, at most every 30 seconds (with
 * the {@code aws} lock each round trip is two AWS KMS calls).
 */
@Readiness
@ApplicationScoped
public class MasterLockReadiness extends DependencyCheck {

    public MasterLockReadiness() {
        super("master-lock", Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @Override
    String probe() {
        return dependencies.masterLock();
    }
}
