package org.eekms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eekms.crypto.SecretBytes;
import org.eekms.problem.InvalidRequestException;
import org.eekms.secretlock.control.LockCredentials;

/**
 * Reads the lock credentials of a request: {@code Auth-User}, the repeatable standard-base64 {@code Secret-Share}
 * header and the standard-base64 {@code Keystore-Secret} header.
 */
@Provider
public class CredentialsFilter implements ContainerRequestFilter {

    @Inject
    CallerCredentials caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String subject = request.getHeaderString("Auth-User");
        List<String> headers = request.getHeaders().get("Secret-Share");
        String keystoreSecret = request.getHeaderString("Keystore-Secret");
        String authorization = request.getHeaderString("Authorization");
        if (subject == null && keystoreSecret == null && authorization == null
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
        caller.set(new LockCredentials(subject, shares, secret, authorization));
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
