-- Issue #17: the sign_in_activity and conditional_access datasets' tables, each with its staging table (see V1 for
-- the layout). Lists are JSON arrays of strings in text columns, as in V4.

CREATE TABLE ${prefix}sign_in_activity (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    user_principal_name VARCHAR(512),
    last_sign_in_at ${timestamp},
    last_non_interactive_sign_in_at ${timestamp},
    last_successful_sign_in_at ${timestamp},
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};
CREATE INDEX ${prefix}sign_in_activity_success ON ${prefix}sign_in_activity (tenant_id, last_successful_sign_in_at);

CREATE TABLE ${prefix}sign_in_activity_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    user_principal_name VARCHAR(512),
    last_sign_in_at ${timestamp},
    last_non_interactive_sign_in_at ${timestamp},
    last_successful_sign_in_at ${timestamp},
    PRIMARY KEY (session_id, id)
)${table_options};

CREATE TABLE ${prefix}conditional_access_policies (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    display_name VARCHAR(512),
    state VARCHAR(64),
    created_at ${timestamp},
    modified_at ${timestamp},
    include_users ${text},
    exclude_users ${text},
    include_groups ${text},
    exclude_groups ${text},
    include_roles ${text},
    exclude_roles ${text},
    include_applications ${text},
    exclude_applications ${text},
    include_user_actions ${text},
    client_app_types ${text},
    grant_operator VARCHAR(16),
    built_in_controls ${text},
    authentication_strength_id VARCHAR(128),
    authentication_strength_name VARCHAR(512),
    sign_in_frequency_value INTEGER,
    sign_in_frequency_type VARCHAR(32),
    sign_in_frequency_interval VARCHAR(32),
    persistent_browser_mode VARCHAR(32),
    cloud_app_security_type VARCHAR(64),
    app_enforced_restrictions BOOLEAN,
    disable_resilience_defaults BOOLEAN,
    enforces_mfa_for_all_users BOOLEAN,
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};

CREATE TABLE ${prefix}conditional_access_policies_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    display_name VARCHAR(512),
    state VARCHAR(64),
    created_at ${timestamp},
    modified_at ${timestamp},
    include_users ${text},
    exclude_users ${text},
    include_groups ${text},
    exclude_groups ${text},
    include_roles ${text},
    exclude_roles ${text},
    include_applications ${text},
    exclude_applications ${text},
    include_user_actions ${text},
    client_app_types ${text},
    grant_operator VARCHAR(16),
    built_in_controls ${text},
    authentication_strength_id VARCHAR(128),
    authentication_strength_name VARCHAR(512),
    sign_in_frequency_value INTEGER,
    sign_in_frequency_type VARCHAR(32),
    sign_in_frequency_interval VARCHAR(32),
    persistent_browser_mode VARCHAR(32),
    cloud_app_security_type VARCHAR(64),
    app_enforced_restrictions BOOLEAN,
    disable_resilience_defaults BOOLEAN,
    enforces_mfa_for_all_users BOOLEAN,
    PRIMARY KEY (session_id, id)
)${table_options};

CREATE TABLE ${prefix}security_defaults (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    display_name VARCHAR(512),
    is_enabled BOOLEAN,
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};

CREATE TABLE ${prefix}security_defaults_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    display_name VARCHAR(512),
    is_enabled BOOLEAN,
    PRIMARY KEY (session_id, id)
)${table_options};
