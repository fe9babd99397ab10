package org.eekms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
public class RequestBodyFilter implements ContainerRequestFilter {

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
        request.setEntityStream(new BoundedJsonStream(request.getEntityStream(), maxBodySize,
                () -> new WebApplicationException(413), maxJsonDepth));
    }
}
