-- entra-sync schema. Placeholders: ${prefix} is the host's table prefix; ${text}, ${timestamp}, ${blob}, ${identity}
-- and ${table_options} are the database's own types (see dev.entrasync.jdbc.internal.Dialect).
-- Every time is UTC. Every dataset has a live table keyed by (tenant_id, id) and a staging table keyed by
-- (session_id, id) that holds a sink session's rows until it completes: the live table's data columns
-- with the same types (JdbcStorageTest checks both against the Java table definitions), and op, U for
-- an upsert or R for a removal.

CREATE TABLE ${prefix}sink_sessions (
    session_id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    dataset VARCHAR(32) NOT NULL,
    run_id VARCHAR(64) NOT NULL,
    full_run BOOLEAN NOT NULL,
    opened_at ${timestamp} NOT NULL,
    PRIMARY KEY (session_id)
)${table_options};

CREATE INDEX ${prefix}sink_sessions_opened ON ${prefix}sink_sessions (dataset, opened_at);

CREATE TABLE ${prefix}users (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    user_principal_name VARCHAR(512),
    display_name VARCHAR(512),
    account_enabled BOOLEAN,
    user_type VARCHAR(32),
    created_at ${timestamp},
    last_password_change_at ${timestamp},
    other_mails ${text},
    password_policies VARCHAR(256),
    assigned_licenses ${text},
    license_count INTEGER,
    directory_roles ${text},
    directory_role_count INTEGER,
    mfa_state VARCHAR(16),
    mfa_capable BOOLEAN,
    mfa_methods ${text},
    mfa_default_method VARCHAR(128),
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};

CREATE INDEX ${prefix}users_upn ON ${prefix}users (tenant_id, user_principal_name);
CREATE INDEX ${prefix}users_mfa ON ${prefix}users (tenant_id, mfa_state);

CREATE TABLE ${prefix}users_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    user_principal_name VARCHAR(512),
    display_name VARCHAR(512),
    account_enabled BOOLEAN,
    user_type VARCHAR(32),
    created_at ${timestamp},
    last_password_change_at ${timestamp},
    other_mails ${text},
    password_policies VARCHAR(256),
    assigned_licenses ${text},
    license_count INTEGER,
    directory_roles ${text},
    directory_role_count INTEGER,
    mfa_state VARCHAR(16),
    mfa_capable BOOLEAN,
    mfa_methods ${text},
    mfa_default_method VARCHAR(128),
    PRIMARY KEY (session_id, id)
)${table_options};
