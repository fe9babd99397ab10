package org.eekms.keystore.rest;

import static org.eekms.rest.Bodies.required;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eekms.access.control.AccessPolicy;
import org.eekms.access.rest.CapabilityInvocation;
import org.eekms.access.rest.CreatesKeystore;
import org.eekms.access.rest.DidKeys;
import org.eekms.access.rest.RootCapabilities;
import org.eekms.keystore.boundary.KeyCrypto;
import org.eekms.keystore.boundary.KeystoreView;
import org.eekms.keystore.boundary.Keystores;
import org.eekms.keystore.rest.KeystoreMessages.CreateKeystoreRequest;
import org.eekms.keystore.rest.KeystoreMessages.CreateKeystoreResponse;
import org.eekms.keystore.rest.KeystoreMessages.KeystoreList;
import org.eekms.keystore.rest.KeystoreMessages.KeystoreMetadata;
import org.eekms.keystore.rest.WrapMessages.OpenRequest;
import org.eekms.keystore.rest.WrapMessages.OpenResponse;
import org.eekms.keystore.rest.WrapMessages.PublicKeyJson;
import org.eekms.keystore.rest.WrapMessages.WrapRequest;
import org.eekms.keystore.rest.WrapMessages.WrappedKeyJson;
import org.eekms.problem.AccessDeniedException;
import org.eekms.problem.InvalidRequestException;
import org.eekms.access.rest.CapabilityAction;
import org.eekms.rest.CallerCredentials;
import org.eekms.rest.KeyUrls;
import org.eekms.secretlock.control.LockSpec;
import java.io.StringReader;

/**
 * Keystores: create (TrustBloc's answer is 200, not 201, and clients rely on it), read metadata, and the
 * keystore-level crypto that names no key: anoncrypt wrapping and the v0.1.8 crypto-box open routes.
 */
@Path("v1/keystores")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeystoresResource {

    @Inject
    Keystores keystores;

    @Inject
    KeyCrypto crypto;

    @Inject
    KeyUrls urls;

    @Inject
    AccessPolicy access;

    @Inject
    CallerCredentials caller;

    @Context
    UriInfo uriInfo;

    @POST
    @CreatesKeystore
    public CreateKeystoreResponse create(CreateKeystoreRequest request) {
        CreateKeystoreRequest body = required(request);
        boolean zcap = access.mode() == AccessPolicy.Mode.ZCAP;
        if (zcap) {
            requireDidKey(body.controller());
        }
        String keystoreUrlPrefix = urls.keystore(uriInfo, "");
        LockSpec lock = body.secretLock() == null
                ? new LockSpec(null, null, null, keystoreUrlPrefix)
                : new LockSpec(body.secretLock().type(), body.secretLock().threshold(), body.secretLock().keyUrl(),
                        keystoreUrlPrefix);
        KeystoreView keystore = keystores.create(body.controller(), lock, caller.get());
        String url = urls.keystore(uriInfo, keystore.id());
        return new CreateKeystoreResponse(url, zcap ? CapabilityInvocation.compress(
                RootCapabilities.issue(url, body.controller(), Instant.now()), false) : null);
    }

    private static void requireDidKey(String controller) {
        try {
            DidKeys.ed25519PublicKey(controller);
        } catch (AccessDeniedException e) {
            throw new InvalidRequestException("controller must be an Ed25519 did:key URL (did:key:z6Mk…), the key "
                    + "that will invoke the keystore's capability");
        }
    }

    /** Admin: re-wraps a remote-locked keystore's primary key under the authorization key's newest version. */
    @POST
    @Path("{keystore}/rewrap")
    public Response rewrap(@PathParam("keystore") String keystoreId) {
        keystores.rewrap(keystoreId, caller.get());
        return Response.ok().build();
    }

    /** Anoncrypt (ECDH-ES+A256KW) to {@code recipient_pub_key}; the caller must be admitted to the keystore. */
    @CapabilityAction("wrap")
    @POST
    @Path("{keystore}/wrap")
    public WrappedKeyJson wrap(@PathParam("keystore") String keystoreId, WrapRequest request) {
        WrapRequest body = required(request);
        if (body.cek() == null) {
            throw new InvalidRequestException("cek is required; a crypto box needs a sender key: "
                    + "POST /v1/keystores/{keystore}/keys/{key}/wrap");
        }
        return WrappedKeyJson.of(crypto.wrapFor(keystoreId, body.cek(), body.apu(), body.apv(),
                PublicKeyJson.toKey(body.recipientPublicKey()), caller.get()));
    }

    /** AFGo v0.1.8's crypto box EasyOpen route: the key is the one {@code my_pub} names. */
    @CapabilityAction("easyOpen")
    @POST
    @Path("{keystore}/easyopen")
    public OpenResponse easyOpen(@PathParam("keystore") String keystoreId, OpenRequest request) {
        OpenRequest body = required(request);
        return CryptoBox.open(crypto, keystoreId, body.ciphertext(), body.nonce(), body.theirPublicKey(),
                body.myPublicKey(), caller.get());
    }

    /** AFGo v0.1.8's crypto box SealOpen route. */
    @CapabilityAction("sealOpen")
    @POST
    @Path("{keystore}/sealopen")
    public OpenResponse sealOpen(@PathParam("keystore") String keystoreId, OpenRequest request) {
        OpenRequest body = required(request);
        return new OpenResponse(crypto.sealedBoxOpen(keystoreId, body.ciphertext(), body.myPublicKey(),
                caller.get()));
    }

    @CapabilityAction("readKeystore")
    @GET
    @Path("{keystore}")
    public KeystoreMetadata metadata(@PathParam("keystore") String keystoreId) {
        return metadata(keystores.find(keystoreId, caller.get()));
    }

    /** Admin: the keystores, oldest first, {@code max} (at most 1000) from {@code first}. */
    @GET
    public KeystoreList list(@QueryParam("first") @DefaultValue("0") String first,
            @QueryParam("max") @DefaultValue("100") String max) {
        return new KeystoreList(keystores.list(count("first", first), count("max", max), caller.get()).stream()
                .map(this::metadata).toList());
    }

    /** A query number; a malformed one is the caller's 400, not JAX-RS's 404. */
    private static int count(String name, String value) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(name + " must be a non-negative whole number");
    }

    private KeystoreMetadata metadata(KeystoreView keystore) {
        return new KeystoreMetadata(keystore.id(), urls.keystore(uriInfo, keystore.id()), keystore.controller(),
                secretLock(keystore), keystore.createdAt(), keystore.owner());
    }

    /** The lock's type and its public parameters, as stored with the keystore; never a secret. */
    private static JsonObject secretLock(KeystoreView keystore) {
        JsonObjectBuilder lock = Json.createObjectBuilder();
        if (keystore.lockParameters() != null) {
            lock = Json.createObjectBuilder(Json.createReader(new StringReader(keystore.lockParameters())).readObject());
        }
        return lock.add("type", keystore.lockType()).build();
    }
}
