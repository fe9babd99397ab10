package org.eekms.keystore.rest;

import static org.eekms.keystore.rest.Bodies.required;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eekms.keystore.boundary.KeystoreView;
import org.eekms.keystore.boundary.Keystores;
import org.eekms.keystore.rest.KeystoreMessages.CreateKeystoreRequest;
import org.eekms.keystore.rest.KeystoreMessages.CreateKeystoreResponse;
import org.eekms.keystore.rest.KeystoreMessages.KeystoreMetadata;
import org.eekms.keystore.rest.KeystoreMessages.SecretLock;
import org.eekms.rest.CallerCredentials;
import org.eekms.rest.KeyUrls;

/** Keystores: create (TrustBloc's answer is 200, not 201, and clients rely on it) and read metadata. */
@Path("v1/keystores")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeystoresResource {

    @Inject
    Keystores keystores;

    @Inject
    KeyUrls urls;

    @Inject
    CallerCredentials caller;

    @Context
    UriInfo uriInfo;

    @POST
    public CreateKeystoreResponse create(CreateKeystoreRequest request) {
        CreateKeystoreRequest body = required(request);
        String lockType = body.secretLock() == null ? null : body.secretLock().type();
        KeystoreView keystore = keystores.create(body.controller(), lockType, caller.get());
        return new CreateKeystoreResponse(urls.keystore(uriInfo, keystore.id()));
    }

    @GET
    @Path("{keystore}")
    public KeystoreMetadata metadata(@PathParam("keystore") String keystoreId) {
        KeystoreView keystore = keystores.find(keystoreId);
        return new KeystoreMetadata(keystore.id(), urls.keystore(uriInfo, keystore.id()), keystore.controller(),
                new SecretLock(keystore.lockType()), keystore.createdAt());
    }
}
