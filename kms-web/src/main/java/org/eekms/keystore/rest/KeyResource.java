package org.eekms.keystore.rest;

import static org.eekms.rest.Bodies.required;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eekms.crypto.Ciphertext;
import org.eekms.keystore.boundary.ExportedKey;
import org.eekms.keystore.boundary.KeyCrypto;
import org.eekms.keystore.boundary.SignedMessages;
import org.eekms.keystore.boundary.Keys;
import org.eekms.keystore.rest.BatchMessages.Batch;
import org.eekms.keystore.rest.BatchMessages.Passed;
import org.eekms.keystore.rest.BatchMessages.Results;
import org.eekms.keystore.rest.CryptoMessages.ComputeMacRequest;
import org.eekms.keystore.rest.CryptoMessages.ComputeMacResponse;
import org.eekms.keystore.rest.CryptoMessages.DecryptRequest;
import org.eekms.keystore.rest.CryptoMessages.DecryptResponse;
import org.eekms.keystore.rest.CryptoMessages.DeriveProofRequest;
import org.eekms.keystore.rest.CryptoMessages.DeriveProofResponse;
import org.eekms.keystore.rest.CryptoMessages.EncryptRequest;
import org.eekms.keystore.rest.CryptoMessages.EncryptResponse;
import org.eekms.keystore.rest.CryptoMessages.SignMultiRequest;
import org.eekms.keystore.rest.CryptoMessages.SignRequest;
import org.eekms.keystore.rest.CryptoMessages.SignResponse;
import org.eekms.keystore.rest.CryptoMessages.VerifyMacRequest;
import org.eekms.keystore.rest.CryptoMessages.VerifyMultiRequest;
import org.eekms.keystore.rest.CryptoMessages.VerifyProofRequest;
import org.eekms.keystore.rest.CryptoMessages.VerifyRequest;
import org.eekms.keystore.rest.KeyMessages.ExportKeyResponse;
import org.eekms.keystore.rest.KeyMessages.KeyUrlResponse;
import org.eekms.keystore.rest.KeyMessages.RotateKeyRequest;
import org.eekms.keystore.rest.WrapMessages.EasyRequest;
import org.eekms.keystore.rest.WrapMessages.EasyResponse;
import org.eekms.keystore.rest.WrapMessages.PublicKeyJson;
import org.eekms.keystore.rest.WrapMessages.UnwrapRequest;
import org.eekms.keystore.rest.WrapMessages.UnwrapResponse;
import org.eekms.keystore.rest.WrapMessages.WrapRequest;
import org.eekms.keystore.rest.WrapMessages.WrappedKeyJson;
import org.eekms.access.rest.CapabilityAction;
import org.eekms.rest.CallerCredentials;
import org.eekms.rest.KeyUrls;

/**
 * One key: its lifecycle (export, rotate, delete) and its crypto. Verify-type operations answer 200 with an empty body,
 * or a 4xx when the check fails. (All of a key's paths live here because JAX-RS picks one root resource per path.)
 *
 * <p>One instance serves every request, the path read from each method's parameters: a request-scoped resource made
 * Payara build the resource and its EJB proxies anew for every call, under Weld's and HK2's locks.
 */
@Path("v1/keystores/{keystore}/keys/{key}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    private static final String KEYSTORE = "keystore";
    private static final String KEY = "key";

    @Inject
    Keys keys;

    @Inject
    KeyCrypto crypto;

    @Inject
    KeyUrls urls;

    @Inject
    CallerCredentials caller;

    /** TrustBloc's OpenAPI document names this path for export; its code and client use {@code …/export}. */
    @CapabilityAction("exportKey")
    @GET
    public ExportKeyResponse exportAtKeyUrl(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId) {
        return export(keystoreId, keyId);
    }

    @CapabilityAction("exportKey")
    @GET
    @Path("export")
    public ExportKeyResponse export(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId) {
        ExportedKey exported = keys.export(keystoreId, keyId, caller.get());
        return new ExportKeyResponse(exported.publicKey(), exported.keyType());
    }

    @CapabilityAction("rotateKey")
    @POST
    @Path("rotate")
    public KeyUrlResponse rotate(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            @Context UriInfo uriInfo, RotateKeyRequest request) {
        String keyType = request == null ? null : request.keyType();
        return new KeyUrlResponse(urls.key(uriInfo, keystoreId, keys.rotate(keystoreId, keyId, keyType,
                caller.get())));
    }

    @CapabilityAction("deleteKey")
    @DELETE
    public Response delete(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId) {
        keys.delete(keystoreId, keyId, caller.get());
        return Response.ok().build();
    }

    @CapabilityAction("sign")
    @POST
    @Path("sign")
    public SignResponse sign(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            SignRequest request) {
        return new SignResponse(crypto.sign(keystoreId, keyId, required(request).message(), caller.get()));
    }

    @CapabilityAction("verify")
    @POST
    @Path("verify")
    public Response verify(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            VerifyRequest request) {
        VerifyRequest body = required(request);
        crypto.verify(keystoreId, keyId, body.signature(), body.message(), caller.get());
        return Response.ok().build();
    }

    @CapabilityAction("encrypt")
    @POST
    @Path("encrypt")
    public EncryptResponse encrypt(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            EncryptRequest request) {
        EncryptRequest body = required(request);
        Ciphertext out = crypto.encrypt(keystoreId, keyId, body.message(), body.associatedData(), caller.get());
        return new EncryptResponse(out.ciphertext(), out.nonce());
    }

    @CapabilityAction("decrypt")
    @POST
    @Path("decrypt")
    public DecryptResponse decrypt(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            DecryptRequest request) {
        DecryptRequest body = required(request);
        return new DecryptResponse(crypto.decrypt(keystoreId, keyId, body.ciphertext(), body.nonce(),
                body.associatedData(), caller.get()));
    }

    @CapabilityAction("computeMAC")
    @POST
    @Path("computemac")
    public ComputeMacResponse computeMac(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            ComputeMacRequest request) {
        return new ComputeMacResponse(crypto.computeMac(keystoreId, keyId, required(request).data(), caller.get()));
    }

    @CapabilityAction("verifyMAC")
    @POST
    @Path("verifymac")
    public Response verifyMac(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            VerifyMacRequest request) {
        VerifyMacRequest body = required(request);
        crypto.verifyMac(keystoreId, keyId, body.mac(), body.data(), caller.get());
        return Response.ok().build();
    }

    /** BBS+ signature over the messages (BLS12381G2 keys): {@code {"signature"}}, as TrustBloc answers it. */
    @CapabilityAction("signMulti")
    @POST
    @Path("signmulti")
    public SignResponse signMulti(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            SignMultiRequest request) {
        return new SignResponse(crypto.signMulti(keystoreId, keyId, required(request).messages(), caller.get()));
    }

    @CapabilityAction("verifyMulti")
    @POST
    @Path("verifymulti")
    public Response verifyMulti(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            VerifyMultiRequest request) {
        VerifyMultiRequest body = required(request);
        crypto.verifyMulti(keystoreId, keyId, body.signature(), body.messages(), caller.get());
        return Response.ok().build();
    }

    @CapabilityAction("deriveProof")
    @POST
    @Path("deriveproof")
    public DeriveProofResponse deriveProof(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            DeriveProofRequest request) {
        DeriveProofRequest body = required(request);
        return new DeriveProofResponse(crypto.deriveProof(keystoreId, keyId, body.messages(), body.signature(),
                body.nonce(), body.revealedIndexes(), caller.get()));
    }

    @CapabilityAction("verifyProof")
    @POST
    @Path("verifyproof")
    public Response verifyProof(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            VerifyProofRequest request) {
        VerifyProofRequest body = required(request);
        crypto.verifyProof(keystoreId, keyId, body.proof(), body.messages(), body.nonce(), caller.get());
        return Response.ok().build();
    }

    /** Authcrypt (ECDH-1PU, this key the sender) or, without {@code cek}, crypto box Easy from this Ed25519 key. */
    @CapabilityAction("wrap")
    @POST
    @Path("wrap")
    public Object wrap(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId, WrapRequest request) {
        WrapRequest body = required(request);
        if (body.cek() == null) {
            return easy(keystoreId, keyId, new EasyRequest(body.payload(), body.nonce(), body.theirPublicKey()));
        }
        return WrappedKeyJson.of(crypto.wrap(keystoreId, keyId, body.cek(), body.apu(), body.apv(),
                PublicKeyJson.toKey(body.recipientPublicKey()), body.tag(), caller.get()));
    }

    /**
     * Unwraps for this key (ECDH-ES, or ECDH-1PU with {@code sender_pub_key}) or, without {@code wrapped_key}, opens a
     * crypto box for the Ed25519 key {@code my_pub} names.
     */
    @CapabilityAction("unwrap")
    @POST
    @Path("unwrap")
    public Object unwrap(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId, UnwrapRequest request) {
        UnwrapRequest body = required(request);
        if (body.isCryptoBox()) {
            return CryptoBox.open(crypto, keystoreId, body.ciphertext(), body.nonce(), body.theirPublicKey(),
                    body.myPublicKey(), caller.get());
        }
        return new UnwrapResponse(crypto.unwrap(keystoreId, keyId, body.wrappedKey().toKey(),
                PublicKeyJson.toKey(body.senderPublicKey()), body.tag(), caller.get()));
    }

    /** AFGo v0.1.8's crypto box Easy route. */
    @CapabilityAction("easy")
    @POST
    @Path("easy")
    public EasyResponse easy(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            EasyRequest request) {
        EasyRequest body = required(request);
        return new EasyResponse(crypto.boxSeal(keystoreId, keyId, body.payload(), body.nonce(), body.theirPublicKey(),
                caller.get()));
    }

    @CapabilityAction("sign")
    @POST
    @Path("batch/sign")
    public Results signAll(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            Batch<SignRequest> request) {
        return Results.of(crypto.signAll(keystoreId, keyId, required(request).each(SignRequest::message),
                caller.get()), SignResponse::new);
    }

    @CapabilityAction("verify")
    @POST
    @Path("batch/verify")
    public Results verifyAll(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            Batch<VerifyRequest> request) {
        return Results.of(crypto.verifyAll(keystoreId, keyId, required(request).each(item ->
                new byte[][] {item.signature(), item.message()}), caller.get()), passed -> new Passed());
    }

    @CapabilityAction("signMulti")
    @POST
    @Path("batch/signmulti")
    public Results signMultiAll(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            Batch<SignMultiRequest> request) {
        return Results.of(crypto.signMultiAll(keystoreId, keyId, required(request).each(SignMultiRequest::messages),
                caller.get()), SignResponse::new);
    }

    @CapabilityAction("verifyMulti")
    @POST
    @Path("batch/verifymulti")
    public Results verifyMultiAll(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            Batch<VerifyMultiRequest> request) {
        return Results.of(crypto.verifyMultiAll(keystoreId, keyId, required(request).each(item ->
                new SignedMessages(item.signature(), item.messages())), caller.get()), passed -> new Passed());
    }

    @CapabilityAction("encrypt")
    @POST
    @Path("batch/encrypt")
    public Results encryptAll(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            Batch<EncryptRequest> request) {
        return Results.of(crypto.encryptAll(keystoreId, keyId, required(request).each(item ->
                new byte[][] {item.message(), item.associatedData()}), caller.get()),
                out -> new EncryptResponse(out.ciphertext(), out.nonce()));
    }

    @CapabilityAction("decrypt")
    @POST
    @Path("batch/decrypt")
    public Results decryptAll(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            Batch<DecryptRequest> request) {
        return Results.of(crypto.decryptAll(keystoreId, keyId, required(request).each(item ->
                new byte[][] {item.ciphertext(), item.nonce(), item.associatedData()}), caller.get()),
                DecryptResponse::new);
    }

    @CapabilityAction("computeMAC")
    @POST
    @Path("batch/computemac")
    public Results computeMacAll(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            Batch<ComputeMacRequest> request) {
        return Results.of(crypto.computeMacAll(keystoreId, keyId, required(request).each(ComputeMacRequest::data),
                caller.get()), ComputeMacResponse::new);
    }

    @CapabilityAction("verifyMAC")
    @POST
    @Path("batch/verifymac")
    public Results verifyMacAll(@PathParam(KEYSTORE) String keystoreId, @PathParam(KEY) String keyId,
            Batch<VerifyMacRequest> request) {
        return Results.of(crypto.verifyMacAll(keystoreId, keyId, required(request).each(item ->
                new byte[][] {item.mac(), item.data()}), caller.get()), passed -> new Passed());
    }
}
