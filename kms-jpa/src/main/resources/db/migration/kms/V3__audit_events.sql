-- The audit trail: append-only, one row per authorization decision or key operation, never message contents or
-- secrets. Each row's hash covers its fields and the previous row's hash, so a removed or altered row breaks the
-- chain that GET /v1/audit/verify walks.
CREATE TABLE audit_event (
    seq           BIGINT       NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(512) NOT NULL,
    keystore_id   VARCHAR(64),
    key_id        VARCHAR(128),
    operation     VARCHAR(128) NOT NULL,
    outcome       VARCHAR(64)  NOT NULL,
    previous_hash BYTEA        NOT NULL,
    hash          BYTEA        NOT NULL
);
