package org.eekms.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eekms.problem.KmsException;
import org.eekms.secretlock.boundary.MasterLock;

/**
 * Ready only while the master lock seals and opens: a round trip of a fixed probe, at most every 30 seconds (with
 * the {@code aws} lock each round trip is two AWS KMS calls).
 */
@Readiness
@ApplicationScoped
public class MasterLockReadiness implements HealthCheck {

    private static final byte[] PROBE = "eekms readiness probe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTEXT = "eekms/health".getBytes(StandardCharsets.US_ASCII);

    private final TimedCheck check = new TimedCheck("master-lock", Duration.ofSeconds(5), Duration.ofSeconds(30));

    @Inject
    MasterLock masterLock;

    @Resource
    ManagedExecutorService executor;

    @Override
    public HealthCheckResponse call() {
        return check.run(executor, () -> {
            try {
                byte[] opened = masterLock.unseal(masterLock.seal(PROBE, CONTEXT), CONTEXT);
                return MessageDigest.isEqual(PROBE, opened) ? null : "the probe did not round-trip";
            } catch (KmsException e) {
                return e.code();
            }
        });
    }
}
