package org.eekms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eekms.problem.InvalidRequestException;

/**
 * Bodies are JSON whatever the client declares, as on TrustBloc's server (its client sends PUT without a
 * Content-Type), no larger than {@code KMS_MAX_BODY_SIZE} (413) and nested no deeper than {@code KMS_JSON_MAX_DEPTH}
 * (400, as soon as the bracket that passes it arrives).
 *
 * <p>The body is read whole, within those bounds, before any parser sees it: a resource that answers at the first
 * wrong field would otherwise leave the rest unread, and a client still sending it waits for an answer the server has
 * written (seen as hangs by FuzzIT); and a chunked body over the limit is refused as such, not as the malformed JSON a
 * parser makes of its cut end. Bodies of the API are small, so the copy costs little; the bound caps it.
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
        if (!request.hasEntity()) {
            return;
        }
        BoundedJsonStream body = new BoundedJsonStream(request.getEntityStream(), maxBodySize,
                () -> new WebApplicationException(413), maxJsonDepth);
        try {
            request.setEntityStream(new ByteArrayInputStream(body.readAllBytes()));
        } catch (IOException e) {
            // the client went away or sent a broken chunked stream: nothing to answer but a bad request
            throw new InvalidRequestException("malformed_request", "the request body could not be read");
        } catch (InvalidRequestException tooDeep) {
            // answered once the client has sent it all (within the size bound), else on a connection closed after it
            Response problem = new ProblemMapper().toResponse(tooDeep);
            request.abortWith(body.discardRest() ? problem
                    : Response.fromResponse(problem).header("Connection", "close").build());
        } catch (WebApplicationException tooLarge) {
            // 413, the rest unread: ProblemMapper's answer closes the connection
            request.abortWith(new ProblemMapper().toResponse(tooLarge));
        }
    }
}
