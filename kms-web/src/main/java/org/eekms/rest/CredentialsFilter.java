package org.eekms.rest;

import jakarta.inject.Inject;
import java.security.Principal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eekms.access.rest.ZcapFilter;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.InvalidRequestException;
import org.eekms.secretlock.control.LockCredentials;

/**
 * Reads the credentials of a request: {@code Auth-User}, the repeatable standard-base64 {@code Secret-Share}
 * header, the standard-base64 {@code Keystore-Secret} header, and the caller the container authenticated from a
 * bearer token (its subject, and whether its groups hold {@code KMS_AUTH_ADMIN_GROUP}) or, in {@code zcap} mode, the
 * controller whose capability the request invokes.
 */
@Provider
public class CredentialsFilter implements ContainerRequestFilter {

    @Inject
    CallerCredentials caller;

    @Inject
    @ConfigProperty(name = "kms.auth.admin-group", defaultValue = "kms-admin")
    String adminGroup;

    @Override
    public void filter(ContainerRequestContext request) {
        String subject = request.getHeaderString("Auth-User");
        List<String> headers = request.getHeaders().get("Secret-Share");
        String keystoreSecret = request.getHeaderString("Keystore-Secret");
        String authorization = request.getHeaderString("Authorization");
        // the container has validated the bearer token by now; its subject is the caller
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        JsonWebToken token = principal instanceof JsonWebToken jwt ? jwt : null;
        // in zcap mode, the controller whose capability the request invokes (ZcapFilter has checked it)
        Object capabilityPrincipal = request.getProperty(ZcapFilter.PRINCIPAL);
        String callerName = capabilityPrincipal instanceof String did ? did
                : token == null ? null : token.getSubject();
        if (subject == null && keystoreSecret == null && authorization == null && callerName == null
                && (headers == null || headers.isEmpty())) {
            return;
        }
        List<SecretBytes> shares = new ArrayList<>();
        if (headers != null) {
            for (String header : headers) {
                for (String value : header.split(",")) {
                    shares.add(decode(value.trim(), "Secret-Share"));
                }
            }
        }
        SecretBytes secret = keystoreSecret == null ? null : decode(keystoreSecret.trim(), "Keystore-Secret");
        caller.set(new LockCredentials(subject, shares, secret, authorization, callerName,
                token != null && token.getGroups() != null && token.getGroups().contains(adminGroup)));
    }

    private static SecretBytes decode(String value, String header) {
        byte[] share = null;
        try {
            share = Base64.getDecoder().decode(value);
            return SecretBytes.copyOf(share);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("malformed_share", header + " must be standard base64");
        } finally {
            if (share != null) {
                java.util.Arrays.fill(share, (byte) 0);
            }
        }
    }
}
