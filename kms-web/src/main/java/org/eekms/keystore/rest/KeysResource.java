package org.eekms.keystore.rest;

import static org.eekms.rest.Bodies.required;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eekms.keystore.boundary.CreatedKey;
import org.eekms.keystore.boundary.Keys;
import org.eekms.keystore.rest.KeyMessages.CreateKeyRequest;
import org.eekms.keystore.rest.KeyMessages.CreateKeyResponse;
import org.eekms.keystore.rest.KeyMessages.ImportKeyRequest;
import org.eekms.keystore.rest.KeyMessages.KeyEntry;
import org.eekms.keystore.rest.KeyMessages.KeyList;
import org.eekms.keystore.rest.KeyMessages.KeyUrlResponse;
import org.eekms.access.rest.CapabilityAction;
import org.eekms.rest.CallerCredentials;
import org.eekms.rest.KeyUrls;

/** The keys of a keystore as a collection: create, import (private, raw symmetric or public keys), list. */
@Path("v1/keystores/{keystore}/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    Keys keys;

    @Inject
    KeyUrls urls;

    @Inject
    CallerCredentials caller;

    @Context
    UriInfo uriInfo;

    @CapabilityAction("createKey")
    @POST
    public CreateKeyResponse create(@PathParam("keystore") String keystoreId, CreateKeyRequest request) {
        CreatedKey key = keys.create(keystoreId, required(request).keyType(), caller.get());
        return new CreateKeyResponse(urls.key(uriInfo, keystoreId, key.keyId()), key.publicKey().orElse(null));
    }

    @CapabilityAction("importKey")
    @PUT
    public KeyUrlResponse importKey(@PathParam("keystore") String keystoreId, ImportKeyRequest request) {
        ImportKeyRequest body = required(request);
        String keyId = keys.importKey(keystoreId, body.keyType(), body.key(), body.publicKey(), body.keyId(),
                caller.get());
        return new KeyUrlResponse(urls.key(uriInfo, keystoreId, keyId));
    }

    @CapabilityAction("listKeys")
    @GET
    public KeyList list(@PathParam("keystore") String keystoreId) {
        return new KeyList(keys.list(keystoreId, caller.get()).stream()
                .map(k -> new KeyEntry(urls.key(uriInfo, keystoreId, k.keyId()), k.keyType(), k.createdAt(),
                        k.updatedAt()))
                .toList());
    }
}
