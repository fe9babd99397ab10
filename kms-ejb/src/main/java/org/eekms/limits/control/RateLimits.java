package org.eekms.limits.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.access.control.AccessPolicy;
import org.eekms.problem.LimitExceededException;

/**
 * The request rate limits ({@code KMS_RATE_LIMIT_*}), each a {@link RateLimiter} or off:
 * <ul>
 * <li>per caller ({@code kms.rate-limit.caller.per-second}, {@code .burst}): every API request, by the authenticated
 * caller (the bearer token's subject, the did:key a capability acts for) or else the client's IP address;</li>
 * <li>per keystore ({@code kms.rate-limit.keystore.per-second}, {@code .burst}): every request that names a
 * keystore, whoever sends it;</li>
 * <li>keystore creation per caller ({@code kms.rate-limit.keystore-creation.per-minute}, {@code .burst}).</li>
 * </ul>
 * Per caller and per keystore are off by default: the right numbers depend on the deployment (one wallet signing in
 * bulk, or thousands of wallets), and a guess would throttle legitimate bulk work. Keystore creation is limited by
 * default when callers are not authenticated ({@code KMS_AUTH_TYPE=none}: 600 a minute per address, in bursts of
 * up to 100), where nothing else stops one client from filling the database; with authentication it is off unless set.
 * A refusal is a {@link LimitExceededException} (429 with {@code Retry-After}); it takes no token, so a refused
 * client is not punished further for retrying.
 */
@ApplicationScoped
public class RateLimits {

    static final double DEFAULT_CREATIONS_PER_MINUTE_WITHOUT_AUTH = 600;
    static final long MAX_DEFAULT_CREATION_BURST = 100;

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    AccessPolicy access;

    @Inject
    @ConfigProperty(name = "kms.rate-limit.caller.per-second", defaultValue = "0")
    double callerPerSecond;

    @Inject
    @ConfigProperty(name = "kms.rate-limit.caller.burst")
    Optional<Long> callerBurst;

    @Inject
    @ConfigProperty(name = "kms.rate-limit.keystore.per-second", defaultValue = "0")
    double keystorePerSecond;

    @Inject
    @ConfigProperty(name = "kms.rate-limit.keystore.burst")
    Optional<Long> keystoreBurst;

    @Inject
    @ConfigProperty(name = "kms.rate-limit.keystore-creation.per-minute")
    Optional<Double> creationsPerMinute;

    @Inject
    @ConfigProperty(name = "kms.rate-limit.keystore-creation.burst")
    Optional<Long> creationBurst;

    @Inject
    @ConfigProperty(name = "kms.rate-limit.max-tracked", defaultValue = "50000")
    long maxTracked;

    private RateLimiter callers;
    private RateLimiter keystores;
    private RateLimiter creations;

    @PostConstruct
    void configure() {
        callers = limiter("KMS_RATE_LIMIT_CALLER", callerPerSecond, callerBurst);
        keystores = limiter("KMS_RATE_LIMIT_KEYSTORE", keystorePerSecond, keystoreBurst);
        boolean open = access.mode() == AccessPolicy.Mode.NONE;
        double perMinute = creationsPerMinute.orElse(open ? DEFAULT_CREATIONS_PER_MINUTE_WITHOUT_AUTH : 0);
        // by default a minute's worth, at most 100: a test suite's setup passes, a flood slows down at once
        creations = limiter("KMS_RATE_LIMIT_KEYSTORE_CREATION", perMinute / 60, creationBurst.or(() -> Optional.of(
                Math.max(1, Math.min(MAX_DEFAULT_CREATION_BURST, (long) Math.ceil(perMinute))))));
    }

    private RateLimiter limiter(String name, double perSecond, Optional<Long> burst) {
        if (perSecond < 0 || Double.isNaN(perSecond) || burst.filter(b -> b < 1).isPresent() || maxTracked < 1) {
            throw new IllegalStateException(name + ": the rate must be 0 (off) or more, the burst and "
                    + "KMS_RATE_LIMIT_MAX_TRACKED at least 1");
        }
        if (perSecond == 0) {
            return null;
        }
        // by default a burst of one second's worth (at least one request)
        long size = burst.orElse(Math.max(1, (long) Math.ceil(perSecond)));
        LOG.info(() -> name + ": " + perSecond + " requests/s, bursts of " + size);
        return new RateLimiter(perSecond, size, maxTracked);
    }

    /** Whether any per-request limit is on: when none is, the web filter has nothing to do. */
    public boolean limitsRequests() {
        return callers != null || keystores != null;
    }

    /** One request of a caller (an authenticated name, or the client's address). */
    public void caller(String caller) {
        admit(callers, caller, "caller");
    }

    /** One request naming a keystore. */
    public void keystore(String keystoreId) {
        admit(keystores, keystoreId, "keystore");
    }

    /** One keystore creation by a caller. */
    public void creation(String caller) {
        admit(creations, caller, "keystore creation");
    }

    /** How many callers, keystores and creators the limiters track now (0 for a limit that is off). */
    public long tracked(String scope) {
        RateLimiter limiter = switch (scope) {
            case "caller" -> callers;
            case "keystore" -> keystores;
            case "creation" -> creations;
            default -> throw new IllegalArgumentException(scope);
        };
        return limiter == null ? 0 : limiter.tracked();
    }

    private static void admit(RateLimiter limiter, String key, String scope) {
        if (limiter == null || key == null) {
            return;
        }
        long wait = limiter.acquire(key);
        if (wait > 0) {
            throw LimitExceededException.rate(scope, RateLimiter.seconds(wait));
        }
    }
}
