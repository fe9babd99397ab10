package org.eekms.rest;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eekms.problem.KmsException;
import org.eekms.problem.LimitExceededException;

/**
 * Every failure becomes a JSON {@link ErrorBody}, here and only here. Client errors say what was wrong with the
 * request; server faults are logged with an incident id and answered with that id alone.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final Pattern JSON_PROPERTY = Pattern.compile("property '?([A-Za-z_]{1,40})'?");

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof KmsException problem) {
            Response response = respond(status(problem.kind()), problem.getMessage(), problem.code());
            if (problem instanceof LimitExceededException limit && limit.retryAfterSeconds() > 0) {
                // RFC 9110 §10.2.3: when the same request may succeed
                return Response.fromResponse(response).header("Retry-After", limit.retryAfterSeconds()).build();
            }
            return response;
        }
        if (cause instanceof WebApplicationException web) {
            return fromStatus(web);
        }
        if (isMalformedBody(cause)) {
            return respond(400, malformedBodyMessage(cause), "malformed_request");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, failure);
        return respond(500, "internal server error (incident " + incident + ")", "internal_error");
    }

    /**
     * The KMS problem or HTTP status behind container wrappers (EJBException; JSON-B's JsonbException and JAX-RS's
     * ProcessingException around a body stream that refused to be read further), else the failure.
     */
    private static Throwable unwrap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KmsException) {
                return t;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException) {
                return t;
            }
        }
        Throwable current = failure;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The HTTP status of a problem kind; batch items report it per item. */
    public static int status(KmsException.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
            case INSUFFICIENT_STORAGE -> 507;
        };
    }

    private static Response fromStatus(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        return switch (status) {
            case 400 -> respond(400, "malformed request", "malformed_request");
            case 404 -> respond(404, "no such resource", "not_found");
            case 405 -> respond(405, "method not allowed on this resource", "method_not_allowed");
            case 406 -> respond(406, "only application/json answers are produced", "not_acceptable");
            case 413 -> Response.fromResponse(respond(413, "request body too large", "body_too_large"))
                    // closing lets the server answer at once instead of first reading the rest of the body
                    .header("Connection", "close")
                    .build();
            case 415 -> respond(415, "request body must be JSON", "unsupported_media_type");
            default -> status >= 500
                    ? respond(status, "server error", "internal_error")
                    : respond(status, "request rejected", "bad_request");
        };
    }

    private static boolean isMalformedBody(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof jakarta.json.JsonException
                    || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    /** Names the offending field when the JSON-B message does; never echoes the input itself. */
    private static String malformedBodyMessage(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher property = JSON_PROPERTY.matcher(t.getMessage());
                if (property.find()) {
                    return "malformed request body: field '" + property.group(1)
                            + "' has the wrong type or is not standard base64";
                }
            }
        }
        return "malformed request body: expected a JSON object with standard base64 binary fields";
    }

    static Response respond(int status, String message, String code) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(message, code));
        if (status == 401) {
            // RFC 6750 §3: what credential to come back with
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }
}
