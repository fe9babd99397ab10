package org.eekms.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import org.eekms.secretlock.control.LockCredentials;

/** The lock credentials of the current request, read from its headers by {@link CredentialsFilter}. */
@RequestScoped
public class CallerCredentials {

    private LockCredentials credentials = LockCredentials.NONE;

    public LockCredentials get() {
        return credentials;
    }

    void set(LockCredentials credentials) {
        this.credentials = credentials;
    }

    /** Shares live as long as the request that brought them. */
    @PreDestroy
    void clear() {
        credentials.destroy();
    }
}
