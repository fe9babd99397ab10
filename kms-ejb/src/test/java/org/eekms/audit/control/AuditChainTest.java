package org.eekms.audit.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eekms.audit.boundary.AuditRecord;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-29T22:00:00.123456789Z");
    private static final AuditRecord RECORD = new AuditRecord(AT, "alice", "ks", "kid", "POST /v1/keystores/{ks}/keys/{kid}/sign", "200");

    @Test
    void everyFieldThePreviousHashAndTheSequenceChangeTheHash() {
        byte[] hash = AuditChain.hash(AuditChain.GENESIS, 1, RECORD);
        assertEquals(32, hash.length);
        assertArrayEquals(hash, AuditChain.hash(AuditChain.GENESIS, 1, RECORD), "deterministic");
        List<byte[]> others = List.of(
                AuditChain.hash(hash, 1, RECORD),
                AuditChain.hash(AuditChain.GENESIS, 2, RECORD),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT.plusNanos(1000), "alice", "ks", "kid", RECORD.operation(), "200")),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "bob", "ks", "kid", RECORD.operation(), "200")),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "alice", "ks2", "kid", RECORD.operation(), "200")),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "alice", "ks", null, RECORD.operation(), "200")),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "alice", "ks", "", RECORD.operation(), "200")),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "alice", "ks", "kid", "POST /v1/keystores", "200")),
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "alice", "ks", "kid", RECORD.operation(), "403 forbidden")),
                // moving a character from one field to the next is another row
                AuditChain.hash(AuditChain.GENESIS, 1, new AuditRecord(AT, "alic", "eks", "kid", RECORD.operation(), "200")));
        for (byte[] other : others) {
            assertFalse(Arrays.equals(hash, other));
        }
        assertEquals(others.size(), others.stream().map(Arrays::toString).distinct().count());
    }

    @Test
    void nanosecondsBeyondWhatTheDatabaseKeepsDoNotChangeTheHash() {
        AuditRecord stored = new AuditRecord(AuditChain.storable(AT), "alice", "ks", "kid", RECORD.operation(), "200");
        assertArrayEquals(AuditChain.hash(AuditChain.GENESIS, 1, RECORD), AuditChain.hash(AuditChain.GENESIS, 1, stored));
    }
}
