package org.eekms.problem;

/**
 * The caller may not do this: missing credentials (401) or credentials that do not open the keystore (403). The
 * message never says which credential or which share was wrong.
 */
public final class AccessDeniedException extends KmsException {

    private static final long serialVersionUID = 1L;

    private final boolean authenticated;

    private AccessDeniedException(boolean authenticated, String code, String message) {
        super(code, message);
        this.authenticated = authenticated;
    }

    /** No (valid) credentials were presented: 401. */
    public static AccessDeniedException unauthenticated(String message) {
        return new AccessDeniedException(false, "unauthorized", message);
    }

    /** Credentials were presented but do not grant this: 403. */
    public static AccessDeniedException forbidden(String message) {
        return new AccessDeniedException(true, "forbidden", message);
    }

    @Override
    public Kind kind() {
        return authenticated ? Kind.FORBIDDEN : Kind.UNAUTHORIZED;
    }
}
