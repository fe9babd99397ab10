package org.eekms.problem;

/**
 * The request is refused because a limit of the server is reached, not because it is wrong: a rate limit (answered
 * 429 with {@code Retry-After}, nothing changed) or the keystore cap (507: retrying does not help until an operator
 * raises the cap).
 */
public final class LimitExceededException extends KmsException {

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final long retryAfterSeconds;

    private LimitExceededException(Kind kind, String code, String message, long retryAfterSeconds) {
        super(code, message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Over a rate limit ({@code scope} says which: "keystore", "caller", "keystore creation"). */
    public static LimitExceededException rate(String scope, long retryAfterSeconds) {
        return new LimitExceededException(Kind.TOO_MANY_REQUESTS, "rate_limited",
                "too many requests (" + scope + " rate limit): retry after " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }

    /** The server holds as many keystores as it is configured to. */
    public static LimitExceededException keystoreCap() {
        return new LimitExceededException(Kind.INSUFFICIENT_STORAGE, "keystore_limit_reached",
                "this server holds the most keystores it is configured for (KMS_KEYSTORES_MAX)", 0);
    }

    /** Whole seconds after which the same request may succeed; 0 when waiting does not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
