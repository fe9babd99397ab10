package org.eekms.secretlock.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eekms.rest.CallerCredentials;
import org.eekms.secretlock.boundary.MasterKeyRotation;
import org.eekms.secretlock.boundary.RewrapProgress;

/**
 * Admin: re-sealing every master-sealed secret under a new master lock. POST starts it (or joins the one running)
 * and answers 202 with its progress; GET answers the progress.
 */
@Path("v1/admin/master-lock/rewrap")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MasterLockResource {

    @Inject
    MasterKeyRotation rotation;

    @Inject
    CallerCredentials caller;

    @POST
    public Response start() {
        return Response.accepted(rotation.start(caller.get())).build();
    }

    @GET
    public RewrapProgress progress() {
        return rotation.progress(caller.get());
    }
}
