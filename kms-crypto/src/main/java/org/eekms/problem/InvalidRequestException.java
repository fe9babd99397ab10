package org.eekms.problem;

/** The request is malformed or asks for something the addressed key cannot do. */
public final class InvalidRequestException extends KmsException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        this("invalid_request", message);
    }

    public InvalidRequestException(String code, String message) {
        super(code, message);
    }

    public static InvalidRequestException unsupportedOperation(String keyType, String operation) {
        return new InvalidRequestException("unsupported_operation",
                "key type " + keyType + " does not support " + operation);
    }

    @Override
    public Kind kind() {
        return Kind.BAD_REQUEST;
    }
}
