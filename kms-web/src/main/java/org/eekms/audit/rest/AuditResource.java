package org.eekms.audit.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eekms.audit.boundary.AuditTrail;
import org.eekms.audit.boundary.AuditVerification;
import org.eekms.rest.CallerCredentials;

/** Admin: the audit trail's integrity check, which walks the hash chain and names the first row that breaks it. */
@Path("v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    CallerCredentials caller;

    @GET
    @Path("verify")
    public AuditVerification verify() {
        return trail.verify(caller.get());
    }
}
