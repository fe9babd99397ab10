package org.eekms.audit.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eekms.audit.boundary.AuditRecord;

/**
 * The hash chain of the audit trail: each row's hash is SHA-256 over a version tag, the previous row's hash, the
 * row's sequence number and every field, each length-prefixed (an absent field has length -1), so that no two rows
 * encode alike. The first row's previous hash is 32 zero bytes.
 */
public final class AuditChain {

    public static final byte[] GENESIS = new byte[32];
    private static final byte[] VERSION = "eekms-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /** The time as the database keeps it (microseconds), so that a row hashes the same before and after storage. */
    public static Instant storable(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    public static byte[] hash(byte[] previous, long seq, AuditRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(VERSION);
        out.writeBytes(previous);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        field(out, storable(record.occurredAt()).toString());
        field(out, record.actor());
        field(out, record.keystoreId());
        field(out, record.keyId());
        field(out, record.operation());
        field(out, record.outcome());
        try {
            return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
