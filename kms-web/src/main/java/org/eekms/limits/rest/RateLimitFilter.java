package org.eekms.limits.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eekms.access.rest.CreatesKeystore;
import org.eekms.access.rest.ZcapFilter;
import org.eekms.limits.control.KeystoreCap;
import org.eekms.limits.control.RateLimits;
import org.eekms.rest.HealthCheckResource;

/**
 * Applies the rate limits and the keystore cap before a request reaches its resource: first the caller's limit, then
 * the keystore's, then (for keystore creation) the creation limit and the cap. It runs after authentication, so the
 * caller is who the bearer token or capability says (else the client's address), and a caller refused by its own
 * limit does not use up a keystore's. With every limit off, it does nothing.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Inject
    KeystoreCap cap;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || resource.getResourceClass() == HealthCheckResource.class) {
            return;
        }
        boolean creation = method.isAnnotationPresent(CreatesKeystore.class);
        if (!creation && !limits.limitsRequests()) {
            return;
        }
        String caller = caller(request);
        limits.caller(caller);
        if (creation) {
            limits.creation(caller);
            cap.admitCreation();
            return;
        }
        limits.keystore(request.getUriInfo().getPathParameters().getFirst("keystore"));
    }

    /** The did:key a capability acts for, a bearer token's subject, else the client's address. */
    private String caller(ContainerRequestContext request) {
        if (request.getProperty(ZcapFilter.PRINCIPAL) instanceof String did) {
            return did;
        }
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return servletRequest.getRemoteAddr();
    }
}
