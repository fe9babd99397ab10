package org.eekms.keystore.rest;

import org.eekms.problem.InvalidRequestException;

/** A request whose body is missing or JSON {@code null} is malformed, whatever the operation. */
final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("malformed_request", "a JSON request body is required");
        }
        return body;
    }
}
