package org.eekms.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** TrustBloc's liveness probe, open in every auth mode; the load test's HTTP floor. */
@Path("healthcheck")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthCheckResource {

    public record Health(String status, @JsonbProperty("current_time") String currentTime) {
    }

    @GET
    public Health check() {
        return new Health("success", Instant.now().toString());
    }
}
