package org.eekms.secretlock.control;

/**
 * The {@code secret_lock} object of a create-keystore request: the lock type (the server default when null) and its
 * public parameters, such as the Shamir threshold.
 */
public record LockSpec(String type, Integer threshold) {

    public static final LockSpec DEFAULT = new LockSpec(null, null);
}
