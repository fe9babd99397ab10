package org.eekms.problem;

/** The addressed keystore or key does not exist (or no longer does). */
public final class NotFoundException extends KmsException {

    private static final long serialVersionUID = 1L;

    private NotFoundException(String code, String message) {
        super(code, message);
    }

    public static NotFoundException keystore(String keystoreId) {
        return new NotFoundException("keystore_not_found", "keystore " + shown(keystoreId) + " not found");
    }

    public static NotFoundException key(String keyId) {
        return new NotFoundException("key_not_found", "key " + shown(keyId) + " not found");
    }

    /** No share is held for the subject. */
    public static NotFoundException share() {
        return new NotFoundException("share_not_found", "no share is held for this subject");
    }

    /** What a remote server (the authorization server) did not find, passed on to the caller. */
    /** No re-sealing under a new master lock was ever started. */
    public static NotFoundException rewrap() {
        return new NotFoundException("rewrap_not_found", "no re-sealing under a new master lock was started");
    }

    public static NotFoundException remote(String message) {
        return new NotFoundException("remote_not_found", message);
    }

    /** A resource this server does not serve in its configuration (such as the share holder when it is off). */
    public static NotFoundException resource() {
        return new NotFoundException("not_found", "no such resource");
    }

    /** Ids come from the request path: echo a bounded part of them, never an unbounded input. */
    private static String shown(String id) {
        return id.length() > 128 ? id.substring(0, 128) + "…" : id;
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
