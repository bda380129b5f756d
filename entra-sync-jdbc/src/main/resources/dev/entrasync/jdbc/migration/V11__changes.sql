-- The change feed: what each completed sink session changed in the stored data (objects added, removed, changed
-- with the fields old -> new as a JSON list), written in the session's completing transaction, and the tenants'
-- datasets whose first completed session (a baseline, which records no changes) is behind them.

CREATE TABLE ${prefix}changes (
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    dataset VARCHAR(64) NOT NULL,
    run_id VARCHAR(64) NOT NULL,
    seq INTEGER NOT NULL,
    changed_at ${timestamp} NOT NULL,
    kind VARCHAR(16) NOT NULL,
    object_id VARCHAR(128) NOT NULL,
    display_name VARCHAR(512),
    fields ${text},
    PRIMARY KEY (id)
)${table_options};
CREATE INDEX ${prefix}changes_tenant_time ON ${prefix}changes (tenant_id, changed_at);

CREATE TABLE ${prefix}change_baselines (
    tenant_id VARCHAR(64) NOT NULL,
    dataset VARCHAR(64) NOT NULL,
    baseline_at ${timestamp} NOT NULL,
    PRIMARY KEY (tenant_id, dataset)
)${table_options};
