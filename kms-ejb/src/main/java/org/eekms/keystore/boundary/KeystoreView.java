package org.eekms.keystore.boundary;

import java.time.Instant;

/** A keystore as the boundaries show it: no secret, no entity. */
public record KeystoreView(String id, String controller, String lockType, Instant createdAt) {
}
