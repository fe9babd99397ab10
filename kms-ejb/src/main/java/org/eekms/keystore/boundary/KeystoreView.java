package org.eekms.keystore.boundary;

import java.time.Instant;

/** A keystore as the boundaries show it: no secret, no entity. {@code lockParameters} is public JSON or null. */
public record KeystoreView(String id, String controller, String lockType, String lockParameters, Instant createdAt) {
}
