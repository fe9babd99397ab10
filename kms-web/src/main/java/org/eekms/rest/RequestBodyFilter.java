package org.eekms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies are JSON whatever the client declares, as on TrustBloc's server (its client sends PUT without a
 * Content-Type), no larger than {@code KMS_MAX_BODY_SIZE} (413: a declared larger length before reading, a chunked
 * body as soon as it passes the limit) and nested no deeper than {@code KMS_JSON_MAX_DEPTH} (400, as soon as the
 * bracket that passes it arrives).
 */
@Provider
@PreMatching
public class RequestBodyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String BODY = RequestBodyFilter.class.getName() + ".body";


    @Inject
    @ConfigProperty(name = "kms.max-body-size", defaultValue = "2097152")
    long maxBodySize;

    @Inject
    @ConfigProperty(name = "kms.json.max-depth", defaultValue = "64")
    int maxJsonDepth;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodySize) {
            throw new WebApplicationException(413);
        }
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        BoundedJsonStream body = new BoundedJsonStream(request.getEntityStream(), maxBodySize,
                () -> new WebApplicationException(413), maxJsonDepth);
        request.setProperty(BODY, body);
        request.setEntityStream(body);
    }

    /**
     * A refused body is answered as refused, whatever the parser made of the refusal; the rest of a body the resource
     * did not read (it answered at the first wrong field) is dropped here, or, past the size bound, the connection
     * closed: otherwise a client still sending it may wait for an answer that the server has already written.
     */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(BODY) instanceof BoundedJsonStream body)) {
            return;
        }
        if (body.refusal() != null) {
            Response refused = new ProblemMapper().toResponse(body.refusal());
            response.setStatus(refused.getStatus());
            response.setEntity(refused.getEntity(), null, MediaType.APPLICATION_JSON_TYPE);
            response.getHeaders().putSingle("Connection", "close");
        } else if (!body.drain()) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
