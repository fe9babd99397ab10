package org.eekms.shareholder.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.ConflictException;
import org.eekms.problem.InvalidRequestException;
import org.eekms.problem.NotFoundException;
import org.eekms.secretlock.boundary.MasterLock;
import org.eekms.shareholder.entity.HeldShare;

/**
 * The Auth server's share API, served by this application when {@code KMS_SHARE_HOLDER_ENABLE} is on: a subject
 * stores its share once; a KMS presenting {@code Bearer base64(KMS_SHARE_HOLDER_TOKEN)} reads it. Shares are stored
 * sealed by the master lock, bound to their subject.
 */
@Stateless
public class ShareHolder {

    private static final int MAX_SHARE_LENGTH = 1024;

    @PersistenceContext(unitName = "kms")
    EntityManager em;

    @Inject
    MasterLock masterLock;

    @Inject
    @ConfigProperty(name = "kms.share-holder.enable", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "kms.share-holder.token")
    Optional<String> token;

    public boolean enabled() {
        return enabled;
    }

    /** Stores the subject's share; a subject has one share, for good (409 on a second one). */
    public void store(String subject, SecretBytes share) {
        requireEnabled();
        if (subject == null || subject.isBlank() || subject.length() > 512) {
            throw AccessDeniedException.unauthenticated("the share holder needs the caller's subject (Auth-User)");
        }
        if (share.length() < 2 || share.length() > MAX_SHARE_LENGTH) {
            throw new InvalidRequestException("malformed_share", "secret must be a Shamir share of 2 to "
                    + MAX_SHARE_LENGTH + " bytes");
        }
        if (em.find(HeldShare.class, subject) != null) {
            throw new ConflictException("share_exists", "a share is already held for this subject");
        }
        byte[] plain = share.toByteArray();
        try {
            em.persist(new HeldShare(subject, masterLock.seal(plain, associatedData(subject)), Instant.now()));
            em.flush();
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The subject's share for a caller presenting the holder's bearer token (compared in constant time). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SecretBytes shareFor(String subject, String authorization) {
        requireEnabled();
        String expected = "Bearer " + Base64.getEncoder().encodeToString(token
                .orElseThrow(() -> new IllegalStateException("KMS_SHARE_HOLDER_TOKEN is required by the share holder"))
                .getBytes(StandardCharsets.UTF_8));
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw AccessDeniedException.unauthenticated("a valid bearer token is required to read shares");
        }
        return held(subject).orElseThrow(() -> NotFoundException.share());
    }

    /** The share held for a subject, for this server's own Shamir lock. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SecretBytes> held(String subject) {
        HeldShare held = subject == null ? null : em.find(HeldShare.class, subject);
        if (held == null) {
            return Optional.empty();
        }
        byte[] plain = masterLock.unseal(held.sealedShare(), associatedData(subject));
        try {
            return Optional.of(SecretBytes.copyOf(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw NotFoundException.resource();
        }
    }

    /** What a held share is sealed with, besides the master lock: its subject. */
    public static byte[] associatedData(String subject) {
        return ("eekms:held-share:" + subject).getBytes(StandardCharsets.UTF_8);
    }
}
