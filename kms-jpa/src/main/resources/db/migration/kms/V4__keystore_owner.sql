-- The authenticated subject a keystore is bound to (KMS_AUTH_TYPE=jwt); null for keystores made without
-- authentication.
ALTER TABLE keystore ADD COLUMN owner VARCHAR(512);
