-- The progress of re-sealing every master-sealed secret (keystore main keys, held shares) under a new master lock:
-- one row, advanced in the same transaction as each batch it describes, so a crash resumes where it stopped.
CREATE TABLE master_rewrap (
    id          VARCHAR(16)  NOT NULL PRIMARY KEY,
    phase       VARCHAR(16)  NOT NULL,
    cursor_id   VARCHAR(512),
    total       BIGINT       NOT NULL,
    checked     BIGINT       NOT NULL,
    resealed    BIGINT       NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);
