package org.eekms.problem;

/** The request conflicts with the current state, such as an import under a key id that is taken. */
public final class ConflictException extends KmsException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
