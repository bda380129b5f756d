-- The other datasets' tables, each with its staging table (see V1 for the layout).

CREATE TABLE ${prefix}devices (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    device_id VARCHAR(128),
    display_name VARCHAR(512),
    operating_system VARCHAR(128),
    operating_system_version VARCHAR(128),
    trust_type VARCHAR(32),
    is_managed BOOLEAN,
    is_compliant BOOLEAN,
    last_sign_in_at ${timestamp},
    on_premises_sync_enabled BOOLEAN,
    registered_at ${timestamp},
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};
CREATE INDEX ${prefix}devices_sign_in ON ${prefix}devices (tenant_id, last_sign_in_at);

CREATE TABLE ${prefix}devices_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    device_id VARCHAR(128),
    display_name VARCHAR(512),
    operating_system VARCHAR(128),
    operating_system_version VARCHAR(128),
    trust_type VARCHAR(32),
    is_managed BOOLEAN,
    is_compliant BOOLEAN,
    last_sign_in_at ${timestamp},
    on_premises_sync_enabled BOOLEAN,
    registered_at ${timestamp},
    PRIMARY KEY (session_id, id)
)${table_options};

CREATE TABLE ${prefix}groups (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    display_name VARCHAR(512),
    mail VARCHAR(512),
    group_types ${text},
    mail_enabled BOOLEAN,
    mail_nickname VARCHAR(256),
    proxy_addresses ${text},
    resource_behavior_options ${text},
    security_enabled BOOLEAN,
    security_identifier VARCHAR(256),
    member_count INTEGER,
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};

CREATE TABLE ${prefix}groups_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    display_name VARCHAR(512),
    mail VARCHAR(512),
    group_types ${text},
    mail_enabled BOOLEAN,
    mail_nickname VARCHAR(256),
    proxy_addresses ${text},
    resource_behavior_options ${text},
    security_enabled BOOLEAN,
    security_identifier VARCHAR(256),
    member_count INTEGER,
    PRIMARY KEY (session_id, id)
)${table_options};

CREATE TABLE ${prefix}licenses (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    sku_part_number VARCHAR(128),
    product_name VARCHAR(512),
    capability_status VARCHAR(32),
    enabled_units INTEGER,
    consumed_units INTEGER,
    warning_units INTEGER,
    suspended_units INTEGER,
    locked_out_units INTEGER,
    available_units INTEGER,
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};

CREATE TABLE ${prefix}licenses_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    sku_part_number VARCHAR(128),
    product_name VARCHAR(512),
    capability_status VARCHAR(32),
    enabled_units INTEGER,
    consumed_units INTEGER,
    warning_units INTEGER,
    suspended_units INTEGER,
    locked_out_units INTEGER,
    available_units INTEGER,
    PRIMARY KEY (session_id, id)
)${table_options};

CREATE TABLE ${prefix}roles (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    display_name VARCHAR(512),
    description ${text},
    role_template_id VARCHAR(64),
    member_count INTEGER,
    members ${text},
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};

CREATE TABLE ${prefix}roles_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    display_name VARCHAR(512),
    description ${text},
    role_template_id VARCHAR(64),
    member_count INTEGER,
    members ${text},
    PRIMARY KEY (session_id, id)
)${table_options};

-- Audit events only accumulate: de-duplicated on (tenant_id, id), never marked removed by a run.
CREATE TABLE ${prefix}audit_events (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    activity_at ${timestamp},
    activity_display_name VARCHAR(512),
    category VARCHAR(128),
    operation_type VARCHAR(64),
    result VARCHAR(32),
    result_reason ${text},
    logged_by_service VARCHAR(128),
    correlation_id VARCHAR(64),
    initiated_by_user_id VARCHAR(64),
    initiated_by_user_principal_name VARCHAR(512),
    initiated_by_app_id VARCHAR(64),
    initiated_by_app_name VARCHAR(512),
    initiator_ip_address VARCHAR(64),
    target_resources ${text},
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};
CREATE INDEX ${prefix}audit_events_time ON ${prefix}audit_events (tenant_id, activity_at);

CREATE TABLE ${prefix}audit_events_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    activity_at ${timestamp},
    activity_display_name VARCHAR(512),
    category VARCHAR(128),
    operation_type VARCHAR(64),
    result VARCHAR(32),
    result_reason ${text},
    logged_by_service VARCHAR(128),
    correlation_id VARCHAR(64),
    initiated_by_user_id VARCHAR(64),
    initiated_by_user_principal_name VARCHAR(512),
    initiated_by_app_id VARCHAR(64),
    initiated_by_app_name VARCHAR(512),
    initiator_ip_address VARCHAR(64),
    target_resources ${text},
    PRIMARY KEY (session_id, id)
)${table_options};

-- The daily secure score series: one row per day ({tenantId}_{yyyy-mm-dd}), kept.
CREATE TABLE ${prefix}secure_scores (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    created_at ${timestamp},
    current_score DOUBLE PRECISION,
    max_score DOUBLE PRECISION,
    active_user_count INTEGER,
    licensed_user_count INTEGER,
    average_comparative_scores ${text},
    control_scores ${text},
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};
CREATE INDEX ${prefix}secure_scores_time ON ${prefix}secure_scores (tenant_id, created_at);

CREATE TABLE ${prefix}secure_scores_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    created_at ${timestamp},
    current_score DOUBLE PRECISION,
    max_score DOUBLE PRECISION,
    active_user_count INTEGER,
    licensed_user_count INTEGER,
    average_comparative_scores ${text},
    control_scores ${text},
    PRIMARY KEY (session_id, id)
)${table_options};

CREATE TABLE ${prefix}secure_score_controls (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    title ${text},
    control_category VARCHAR(64),
    max_score DOUBLE PRECISION,
    control_rank INTEGER,
    remediation ${text},
    action_url ${text},
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};

CREATE TABLE ${prefix}secure_score_controls_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    title ${text},
    control_category VARCHAR(64),
    max_score DOUBLE PRECISION,
    control_rank INTEGER,
    remediation ${text},
    action_url ${text},
    PRIMARY KEY (session_id, id)
)${table_options};

CREATE TABLE ${prefix}tenant_profiles (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    display_name VARCHAR(512),
    default_domain VARCHAR(255),
    initial_domain VARCHAR(255),
    verified_domains ${text},
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};

CREATE TABLE ${prefix}tenant_profiles_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    display_name VARCHAR(512),
    default_domain VARCHAR(255),
    initial_domain VARCHAR(255),
    verified_domains ${text},
    PRIMARY KEY (session_id, id)
)${table_options};
