package org.eekms.shareholder.rest;

import static org.eekms.rest.Bodies.required;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.InvalidRequestException;
import org.eekms.shareholder.boundary.ShareHolder;

/**
 * TrustBloc's Auth server share API ({@code KMS_SHARE_HOLDER_ENABLE}): {@code POST /secret} stores the caller's share
 * (subject from {@code Auth-User}), {@code GET /secret?sub=} hands it to a KMS with the holder's bearer token.
 */
@Path("secret")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SecretResource {

    public record SecretMessage(@JsonbProperty("secret") byte[] secret) {
    }

    @Inject
    ShareHolder holder;

    @POST
    public Response store(SecretMessage request, @HeaderParam("Auth-User") String subject) {
        byte[] share = required(request).secret();
        if (share == null) {
            throw new InvalidRequestException("malformed_share", "secret is required");
        }
        try {
            holder.store(subject, SecretBytes.copyOf(share));
        } finally {
            Arrays.fill(share, (byte) 0);
        }
        return Response.ok().build();
    }

    @GET
    public SecretMessage read(@QueryParam("sub") String subject,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return new SecretMessage(holder.shareFor(subject, authorization).toByteArray());
    }
}
