package org.eekms.audit.boundary;

/**
 * The result of walking the audit chain: how many rows, whether every row links to the one before and hashes to
 * what it says, the first row that does not (or null), and the head (last sequence number and hash, base64) that an
 * administrator can keep elsewhere to detect a later truncation of the tail.
 */
public record AuditVerification(long rows, boolean intact, Long firstBrokenSeq, String problem, long headSeq,
        String headHash) {
}
