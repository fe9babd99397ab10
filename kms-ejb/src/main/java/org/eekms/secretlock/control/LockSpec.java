package org.eekms.secretlock.control;

/**
 * The {@code secret_lock} object of a create-keystore request: the lock type (the server default when null) and its
 * public parameters: the Shamir threshold, or the authorization server's key URL of a {@code remote} lock.
 * {@code keystoreUrlPrefix} is where this server's keystores are addressed ({@code …/v1/keystores/}), which a
 * {@code remote} lock binds its sealed key to.
 */
public record LockSpec(String type, Integer threshold, String keyUrl, String keystoreUrlPrefix) {

    public static final LockSpec DEFAULT = new LockSpec(null, null, null, null);

    public LockSpec(String type, Integer threshold) {
        this(type, threshold, null, null);
    }
}
