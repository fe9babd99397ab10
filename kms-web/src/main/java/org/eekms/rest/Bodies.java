package org.eekms.rest;

import org.eekms.problem.InvalidRequestException;

/** A request whose body is missing or JSON {@code null} is malformed, whatever the operation. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("malformed_request", "a JSON request body is required");
        }
        return body;
    }
}
