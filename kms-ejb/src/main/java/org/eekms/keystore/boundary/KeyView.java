package org.eekms.keystore.boundary;

import java.time.Instant;

/** A key in a keystore listing: its current key id (the primary's), type and when it was created and rotated. */
public record KeyView(String keyId, String keyType, Instant createdAt, Instant updatedAt) {
}
