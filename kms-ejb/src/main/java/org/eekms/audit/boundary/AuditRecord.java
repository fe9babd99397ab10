package org.eekms.audit.boundary;

import java.time.Instant;

/**
 * What the trail keeps of one request: who (the authenticated caller, or "anonymous"), on which keystore and key,
 * which operation (method and route, ids replaced by placeholders), with what outcome (the status and error code),
 * when. Never message contents, keys, shares or secrets.
 */
public record AuditRecord(Instant occurredAt, String actor, String keystoreId, String keyId, String operation,
        String outcome) {
}
