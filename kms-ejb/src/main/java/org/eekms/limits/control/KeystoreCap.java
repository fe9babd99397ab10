package org.eekms.limits.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.access.control.AccessPolicy;
import org.eekms.problem.LimitExceededException;

/**
 * The most keystores the server holds ({@code KMS_KEYSTORES_MAX}; 0 = no cap). By default 100,000 when callers are not
 * authenticated ({@code KMS_AUTH_TYPE=none}), so that no client can fill the disk, and no cap otherwise. A full
 * server answers 507 (Insufficient Storage, RFC 4918 §11.5), not 429: waiting does not help, and the client did
 * nothing wrong. The count is read from the database before each creation, so every node of a cluster sees the same
 * total; concurrent creations may pass the cap by as many as are in flight, which bounds the total all the same.
 */
@ApplicationScoped
public class KeystoreCap {

    static final long DEFAULT_WITHOUT_AUTH = 100_000;

    @PersistenceContext(unitName = "kms")
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    @ConfigProperty(name = "kms.keystores.max")
    Optional<Long> configured;

    private long max;

    @PostConstruct
    void configure() {
        max = configured.orElse(access.mode() == AccessPolicy.Mode.NONE ? DEFAULT_WITHOUT_AUTH : 0);
        if (max < 0) {
            throw new IllegalStateException("KMS_KEYSTORES_MAX must be 0 (no cap) or more");
        }
    }

    /** Refuses a creation when the server holds {@code KMS_KEYSTORES_MAX} keystores already. */
    public void admitCreation() {
        if (max == 0) {
            return;
        }
        long count = em.createQuery("SELECT COUNT(k) FROM Keystore k", Long.class).getSingleResult();
        if (count >= max) {
            throw LimitExceededException.keystoreCap();
        }
    }
}
