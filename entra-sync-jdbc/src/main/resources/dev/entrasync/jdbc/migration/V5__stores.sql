-- The engine's stores: checkpoints, company-tenant mappings, consents (and used consent-link nonces),
-- jobs with their per-dataset results.

CREATE TABLE ${prefix}checkpoints (
    tenant_id VARCHAR(64) NOT NULL,
    dataset VARCHAR(32) NOT NULL,
    delta_link ${text},
    watermark ${timestamp},
    full_round_at ${timestamp},
    tracked_ids ${text},
    saved_at ${timestamp} NOT NULL,
    PRIMARY KEY (tenant_id, dataset)
)${table_options};

CREATE TABLE ${prefix}tenant_mappings (
    company_id VARCHAR(200) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    credential_name VARCHAR(200) NOT NULL,
    display_name VARCHAR(512),
    default_domain VARCHAR(255),
    datasets VARCHAR(512) NOT NULL,
    paused BOOLEAN NOT NULL,
    mapped_at ${timestamp} NOT NULL,
    mapping_order ${identity},
    PRIMARY KEY (company_id),
    CONSTRAINT ${prefix}tenant_mappings_tenant UNIQUE (tenant_id)
)${table_options};

CREATE TABLE ${prefix}consents (
    credential_name VARCHAR(200) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    company_id VARCHAR(200),
    permissions ${text} NOT NULL,
    verified_at ${timestamp} NOT NULL,
    PRIMARY KEY (credential_name, tenant_id)
)${table_options};

CREATE TABLE ${prefix}consent_nonces (
    nonce VARCHAR(128) NOT NULL,
    usable_until ${timestamp} NOT NULL,
    PRIMARY KEY (nonce)
)${table_options};
CREATE INDEX ${prefix}consent_nonces_until ON ${prefix}consent_nonces (usable_until);

CREATE TABLE ${prefix}jobs (
    id VARCHAR(64) NOT NULL,
    tenant_id VARCHAR(64) NOT NULL,
    company_id VARCHAR(200),
    credential_name VARCHAR(200),
    job_trigger VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    queued_at ${timestamp} NOT NULL,
    started_at ${timestamp},
    finished_at ${timestamp},
    datasets VARCHAR(512) NOT NULL,
    reason ${text},
    PRIMARY KEY (id)
)${table_options};
CREATE INDEX ${prefix}jobs_tenant ON ${prefix}jobs (tenant_id, queued_at);
CREATE INDEX ${prefix}jobs_status ON ${prefix}jobs (status, queued_at);

CREATE TABLE ${prefix}job_results (
    job_id VARCHAR(64) NOT NULL,
    dataset VARCHAR(32) NOT NULL,
    result_order INTEGER NOT NULL,
    status VARCHAR(16) NOT NULL,
    mode VARCHAR(16) NOT NULL,
    rows_upserted BIGINT NOT NULL,
    rows_removed BIGINT NOT NULL,
    requests BIGINT NOT NULL,
    throttled_responses BIGINT NOT NULL,
    retry_after_waited_ms BIGINT NOT NULL,
    error ${text},
    fix ${text},
    warnings ${text},
    PRIMARY KEY (job_id, dataset)
)${table_options};
