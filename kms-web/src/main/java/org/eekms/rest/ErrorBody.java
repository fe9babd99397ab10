package org.eekms.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of every error. {@code message} is what TrustBloc's server sends, {@code errMessage} what its webkms
 * client reads, {@code code} a stable machine-readable reason.
 */
public record ErrorBody(
        @JsonbProperty("message") String message,
        @JsonbProperty("errMessage") String errMessage,
        @JsonbProperty("code") String code) {

    public ErrorBody(String message, String code) {
        this(message, message, code);
    }
}
