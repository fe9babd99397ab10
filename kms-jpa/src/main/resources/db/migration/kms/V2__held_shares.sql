-- Shares held for subjects when this server runs the share holder (the Auth server's share API); sealed only.
CREATE TABLE held_share (
    subject      VARCHAR(512) NOT NULL PRIMARY KEY,
    sealed_share BYTEA        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
