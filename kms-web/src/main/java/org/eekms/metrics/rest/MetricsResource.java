package org.eekms.metrics.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eekms.metrics.boundary.Meters;
import org.eekms.rest.CallerCredentials;

/** Admin: the server's meters in the Prometheus text format (what a Prometheus scrape job reads). */
@Path("v1/admin/metrics")
@RequestScoped
public class MetricsResource {

    @Inject
    Meters meters;

    @Inject
    CallerCredentials caller;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return meters.prometheus(caller.get());
    }
}
