package org.eekms.problem;

/**
 * A service the request depends on (the Auth server, the authorization server, AWS KMS) did not answer in time or
 * at all: 503. Nothing was changed. The message names the dependency, not its internals.
 */
public final class UnavailableException extends KmsException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super("dependency_unavailable", message);
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }
}
