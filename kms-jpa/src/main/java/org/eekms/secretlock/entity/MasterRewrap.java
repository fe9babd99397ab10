package org.eekms.secretlock.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where the re-sealing under a new master lock stands: the phase (keystore main keys, then held shares), the last
 * id done in it, and counts. There is one such job at a time; a new one replaces a finished one.
 */
@Entity
@Table(name = "master_rewrap")
public class MasterRewrap {

    public static final String ID = "master";
    public static final String KEYSTORES = "keystores";
    public static final String SHARES = "shares";
    public static final String DONE = "done";

    @Id
    private String id;

    @Column(nullable = false, length = 16)
    private String phase;

    @Column(name = "cursor_id", length = 512)
    private String cursorId;

    @Column(nullable = false)
    private long total;

    @Column(nullable = false)
    private long checked;

    @Column(nullable = false)
    private long resealed;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected MasterRewrap() {
        // for JPA
    }

    public MasterRewrap(long total, Instant now) {
        this.id = ID;
        restart(total, now);
    }

    public final void restart(long total, Instant now) {
        this.phase = KEYSTORES;
        this.cursorId = null;
        this.total = total;
        this.checked = 0;
        this.resealed = 0;
        this.startedAt = now;
        this.updatedAt = now;
        this.finishedAt = null;
    }

    /** A batch of the current phase is done, up to {@code lastId}. */
    public void advanced(String lastId, long checkedNow, long resealedNow, Instant now) {
        this.cursorId = lastId;
        this.checked += checkedNow;
        this.resealed += resealedNow;
        this.updatedAt = now;
    }

    /** The current phase has nothing left: on to the next, or finished. */
    public void phaseDone(Instant now) {
        this.phase = KEYSTORES.equals(phase) ? SHARES : DONE;
        this.cursorId = null;
        this.updatedAt = now;
        if (DONE.equals(phase)) {
            this.finishedAt = now;
        }
    }

    public String phase() {
        return phase;
    }

    public String cursorId() {
        return cursorId;
    }

    public long total() {
        return total;
    }

    public long checked() {
        return checked;
    }

    public long resealed() {
        return resealed;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
