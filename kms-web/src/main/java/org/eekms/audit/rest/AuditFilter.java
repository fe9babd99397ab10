package org.eekms.audit.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eekms.access.rest.ZcapFilter;
import org.eekms.audit.boundary.AuditRecord;
import org.eekms.audit.boundary.AuditTrail;
import org.eekms.rest.ErrorBody;

/**
 * Records every API request in the audit trail once it has its answer, whether it succeeded, was refused by a lock
 * or failed: the caller, the keystore and key ids, the method and route with the ids replaced, and the status with
 * the error code. Nothing of the body is recorded. The health check is not a keystore operation and is left out.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final int MAX_OPERATION = 128;

    @Inject
    AuditTrail trail;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (!path.startsWith("v1/") && !path.equals("secret")) {
            return;
        }
        MultivaluedMap<String, String> ids = request.getUriInfo().getPathParameters();
        String keystore = ids.getFirst("keystore");
        String key = ids.getFirst("key");
        trail.record(new AuditRecord(Instant.now(), actor(request), keystore, key,
                operation(request.getMethod(), path, keystore, key), outcome(response)));
    }

    /**
     * The did:key that signed a capability invocation (and, when it holds a delegated capability, the controller it
     * acts for), the subject of a bearer token (what keystores are bound to), another principal's name, or
     * "anonymous".
     */
    private static String actor(ContainerRequestContext request) {
        if (request.getProperty(ZcapFilter.INVOKER) instanceof String invoker) {
            Object principal = request.getProperty(ZcapFilter.PRINCIPAL);
            return principal == null || principal.equals(invoker) ? invoker : invoker + " for " + principal;
        }
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return principal == null || principal.getName() == null ? "anonymous" : principal.getName();
    }

    /** "POST /v1/keystores/{ks}/keys/{kid}/sign": the route, never the caller's ids or query. */
    static String operation(String method, String path, String keystore, String key) {
        StringBuilder route = new StringBuilder(method).append(' ');
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean afterKeystores = i > 0 && segments[i - 1].equals("keystores");
            boolean afterKeys = i > 0 && segments[i - 1].equals("keys");
            route.append('/').append(afterKeystores && segment.equals(keystore) ? "{ks}"
                    : afterKeys && segment.equals(key) ? "{kid}" : segment);
        }
        return route.length() > MAX_OPERATION ? route.substring(0, MAX_OPERATION) : route.toString();
    }

    private static String outcome(ContainerResponseContext response) {
        String status = Integer.toString(response.getStatus());
        return response.getEntity() instanceof ErrorBody error && error.code() != null
                ? status + " " + error.code()
                : status;
    }
}
