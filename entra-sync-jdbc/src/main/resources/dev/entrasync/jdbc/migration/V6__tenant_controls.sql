-- A tenant's sync controls, stored with its mapping so every engine instance and every restart sees them:
-- excluded from syncing, its own interval (milliseconds; NULL for the engine's), and the block a permanent
-- token failure left (the failure, the reason, since when, and a digest of the refused credential — never
-- the secret).

ALTER TABLE ${prefix}tenant_mappings ADD COLUMN excluded BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ${prefix}tenant_mappings ADD COLUMN sync_interval_ms BIGINT;
ALTER TABLE ${prefix}tenant_mappings ADD COLUMN blocked_by VARCHAR(64);
ALTER TABLE ${prefix}tenant_mappings ADD COLUMN blocked_reason ${text};
ALTER TABLE ${prefix}tenant_mappings ADD COLUMN blocked_since ${timestamp};
ALTER TABLE ${prefix}tenant_mappings ADD COLUMN blocked_credential VARCHAR(64);
