package org.eekms.access.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.InvalidRequestException;
import org.eekms.secretlock.control.LockCredentials;

/**
 * Who may do what ({@code KMS_AUTH_TYPE}). {@code none}: no caller is authenticated and every keystore that has no
 * owner is open to whoever knows its URL. {@code jwt}: the container authenticates MicroProfile JWT bearer tokens; a
 * keystore belongs to the subject that created it, and only that subject uses it and its keys; callers in the admin
 * group list keystores, read their metadata and check the audit trail, and use no key. {@code zcap}: a keystore
 * belongs to the controller named at its creation, and a request acts for whoever the ZCAP-LD capability it
 * invokes derives its authority from (checked by the web module, which sees the HTTP signature); only the
 * controller's authority opens the keystore. Administrators authenticate with a bearer token, as in {@code jwt}.
 *
 * <p>A keystore that has an owner admits its owner only, whatever the mode, so switching a server back to
 * {@code none} does not open keystores that were bound to a subject.
 */
@ApplicationScoped
public class AccessPolicy {

    private static final Logger LOG = Logger.getLogger(AccessPolicy.class.getName());

    public enum Mode { NONE, JWT, ZCAP }

    @Inject
    @ConfigProperty(name = "kms.auth.type", defaultValue = "none")
    String type;

    private Mode mode;

    @PostConstruct
    void readMode() {
        String name = type.trim().toLowerCase(Locale.ROOT);
        mode = switch (name) {
            case "none", "" -> Mode.NONE;
            case "jwt" -> Mode.JWT;
            case "zcap" -> Mode.ZCAP;
            default -> throw new IllegalStateException("KMS_AUTH_TYPE must be none, jwt or zcap, not " + type);
        };
    }

    /** Reads the mode when the application starts, so that a bad value stops the deployment, and warns for none. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (mode() == Mode.NONE) {
            LOG.warning("KMS_AUTH_TYPE=none: callers are not authenticated; anyone who can reach this server and "
                    + "knows a keystore URL can use that keystore's keys. Set KMS_AUTH_TYPE=jwt outside development.");
        }
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The owner a new keystore gets: nobody in {@code none}, the authenticated caller in {@code jwt}, the controller
     * (the did:key its root capability is invoked by) in {@code zcap}.
     */
    public String ownerOf(String controller, LockCredentials credentials) {
        return switch (mode) {
            case NONE -> null;
            case JWT -> {
                requireCaller(credentials);
                yield credentials.caller();
            }
            case ZCAP -> {
                if (controller == null || !controller.startsWith("did:key:")) {
                    throw new InvalidRequestException("controller must be the did:key URL that will invoke the "
                            + "keystore's capability");
                }
                yield controller;
            }
        };
    }

    /** Use of a keystore and its keys: its owner only; an unowned keystore only without authentication. */
    public void use(String owner, LockCredentials credentials) {
        if (owner == null) {
            if (mode != Mode.NONE) {
                throw AccessDeniedException.forbidden("the keystore was made without authentication and has no owner");
            }
            return;
        }
        requireCaller(credentials);
        if (!owner.equals(credentials.caller())) {
            throw AccessDeniedException.forbidden("the keystore belongs to another subject");
        }
    }

    /** Metadata of a keystore: its owner or an admin. */
    public void read(String owner, LockCredentials credentials) {
        if (credentials.admin()) {
            return;
        }
        use(owner, credentials);
    }

    /** Operations on the server rather than on a keystore (listing keystores, checking the audit trail). */
    public void administer(LockCredentials credentials) {
        if (mode == Mode.NONE) {
            return;
        }
        requireCaller(credentials);
        if (!credentials.admin()) {
            throw AccessDeniedException.forbidden("an administrator's token is required");
        }
    }

    private void requireCaller(LockCredentials credentials) {
        if (credentials.caller() == null) {
            throw AccessDeniedException.unauthenticated(mode == Mode.ZCAP
                    ? "a capability invocation is required: Signature and capability-invocation headers"
                    : "a bearer token is required");
        }
    }
}
