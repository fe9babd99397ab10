-- Keystores, sealed keysets and the key ids that address them. Portable between H2 and PostgreSQL:
-- BYTEA and VARCHAR only, no large objects.

CREATE TABLE keystore (
    id              VARCHAR(32)   NOT NULL PRIMARY KEY,
    controller      VARCHAR(2048) NOT NULL,
    lock_type       VARCHAR(32)   NOT NULL,
    lock_parameters VARCHAR(4096),
    sealed_lock_key BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE wrapped_keyset (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    keystore_id    VARCHAR(32)  NOT NULL REFERENCES keystore (id),
    key_type       VARCHAR(64)  NOT NULL,
    primary_key_id VARCHAR(128) NOT NULL,
    sealed_keyset  BYTEA        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version    BIGINT       NOT NULL
);

CREATE INDEX wrapped_keyset_by_keystore ON wrapped_keyset (keystore_id, created_at);

CREATE TABLE key_name (
    keystore_id VARCHAR(32)  NOT NULL,
    key_id      VARCHAR(128) NOT NULL,
    keyset_id   VARCHAR(36)  NOT NULL REFERENCES wrapped_keyset (id),
    PRIMARY KEY (keystore_id, key_id)
);

CREATE INDEX key_name_by_keyset ON key_name (keyset_id);
