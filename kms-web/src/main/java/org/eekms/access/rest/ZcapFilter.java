package org.eekms.access.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import org.eekms.access.control.AccessPolicy;

/**
 * {@code KMS_AUTH_TYPE=zcap}: authenticates capability invocations on the routes that name a
 * {@link CapabilityAction}, and signed keystore creation when it is restricted. A request that carries a
 * {@code Signature} header is checked completely (signature, capability, action, expiry) and acts for the principal
 * the capability derives from; one without is left to the access policy, which admits only administrators (by their
 * bearer token) to what they may do.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ZcapFilter implements ContainerRequestFilter {

    /** Request property: the did:key on whose authority the request acts (a keystore's controller). */
    public static final String PRINCIPAL = "org.eekms.access.principal";
    /** Request property: the did:key that signed the request. */
    public static final String INVOKER = "org.eekms.access.invoker";

    @Inject
    AccessPolicy policy;

    @Inject
    ZcapVerification verification;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (policy.mode() != AccessPolicy.Mode.ZCAP) {
            return;
        }
        Method method = resource.getResourceMethod();
        CapabilityAction action = method == null ? null : method.getAnnotation(CapabilityAction.class);
        boolean creation = method != null && method.isAnnotationPresent(CreatesKeystore.class);
        if (action == null && !creation) {
            return;
        }
        if (request.getHeaderString("Signature") == null && !(creation && verification.restrictsCreation())) {
            return;
        }
        byte[] body = body(request);
        URI uri = request.getUriInfo().getRequestUri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (creation) {
            String creator = verification.creation(request.getMethod(), pathAndQuery, request::getHeaderString, body);
            request.setProperty(INVOKER, creator);
            return;
        }
        String keystore = request.getUriInfo().getPathParameters().getFirst("keystore");
        String invoker = verification.invoker(request.getMethod(), pathAndQuery, request::getHeaderString, body,
                action.value());
        request.setProperty(INVOKER, invoker); // the audit trail names who was refused, once the signature holds
        request.setProperty(PRINCIPAL, verification.principal(invoker,
                request.getHeaderString("capability-invocation"), keystore, action.value()));
    }

    /** The body, read once for its digest and put back for the resource. */
    private static byte[] body(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
