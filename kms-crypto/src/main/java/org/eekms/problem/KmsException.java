package org.eekms.problem;

import jakarta.ejb.ApplicationException;

/**
 * The one exception hierarchy of the KMS. Its message is written for the client: it says what was wrong with the
 * request and never carries key material, shares or what the server was doing.
 *
 * <p>{@code @ApplicationException} makes the container hand it to the web module unwrapped and roll back the
 * transaction; stack traces are not filled in because these are answers, not faults.
 */
@ApplicationException(rollback = true)
public abstract sealed class KmsException extends RuntimeException
        permits InvalidRequestException, NotFoundException, ConflictException, VerificationFailedException,
        AccessDeniedException, UnavailableException, LimitExceededException {

    private static final long serialVersionUID = 1L;

    /** What kind of answer the client gets; the web module maps each kind to one HTTP status. */
    public enum Kind {
        BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, UNAVAILABLE,
        INSUFFICIENT_STORAGE
    }

    private final String code;

    protected KmsException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable, machine-readable error code, such as {@code key_not_found}. */
    public String code() {
        return code;
    }

    public abstract Kind kind();
}
