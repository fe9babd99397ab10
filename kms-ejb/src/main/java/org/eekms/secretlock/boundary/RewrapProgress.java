package org.eekms.secretlock.boundary;

import java.time.Instant;

/**
 * Where the re-sealing under a new master lock stands: {@code phase} is {@code keystores}, {@code shares} or
 * {@code done}; {@code checked} of {@code total} rows looked at (rows made during the job add to neither), of
 * which {@code resealed} were the previous lock's; {@code running} on this node.
 */
public record RewrapProgress(String phase, long total, long checked, long resealed, Instant startedAt,
        Instant updatedAt, Instant finishedAt, boolean running) {
}
