package org.eekms.keystore.boundary;

import java.time.Instant;

/**
 * A keystore as the boundaries show it: no secret, no entity. {@code lockParameters} is public JSON or null;
 * {@code owner} the subject it is bound to, or null.
 */
public record KeystoreView(String id, String controller, String lockType, String lockParameters, Instant createdAt,
        String owner) {
}
