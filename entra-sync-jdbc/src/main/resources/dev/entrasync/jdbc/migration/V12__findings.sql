-- Findings: what the findings rules found in each tenant's stored data, one row per tenant and rule. A row is
-- first seen by one evaluation, last seen by the latest that found it again, and resolved (resolved_at set) by
-- an evaluation of the rule that no longer finds it; found again, it is open again. A person may acknowledge it
-- (acknowledged_at) or mute it (muted: hosts leave it out of reports and mails).

CREATE TABLE ${prefix}findings (
    tenant_id VARCHAR(64) NOT NULL,
    rule_id VARCHAR(128) NOT NULL,
    severity VARCHAR(16) NOT NULL,
    title VARCHAR(512) NOT NULL,
    detail ${text} NOT NULL,
    fix ${text} NOT NULL,
    affected ${text},
    affected_count INTEGER NOT NULL,
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    resolved_at ${timestamp},
    acknowledged_at ${timestamp},
    muted BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (tenant_id, rule_id)
)${table_options};
