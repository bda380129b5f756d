-- Issue #17: app registrations and service principals with their credentials' metadata and granted Microsoft
-- Graph permissions (no part of any secret is kept), and Intune's managed devices with match keys for a
-- scanner's assets: serial number upper case without blanks, MAC addresses as 12 lower-case hex digits.

CREATE TABLE ${prefix}applications (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    kind VARCHAR(32),
    app_id VARCHAR(64),
    display_name VARCHAR(512),
    created_at ${timestamp},
    sign_in_audience VARCHAR(64),
    service_principal_type VARCHAR(64),
    account_enabled BOOLEAN,
    app_owner_organization_id VARCHAR(64),
    credential_count INTEGER,
    next_credential_expiry ${timestamp},
    credentials ${text},
    graph_permissions ${text},
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};
CREATE INDEX ${prefix}applications_expiry ON ${prefix}applications (tenant_id, next_credential_expiry);
CREATE INDEX ${prefix}applications_app_id ON ${prefix}applications (tenant_id, app_id);

CREATE TABLE ${prefix}applications_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    kind VARCHAR(32),
    app_id VARCHAR(64),
    display_name VARCHAR(512),
    created_at ${timestamp},
    sign_in_audience VARCHAR(64),
    service_principal_type VARCHAR(64),
    account_enabled BOOLEAN,
    app_owner_organization_id VARCHAR(64),
    credential_count INTEGER,
    next_credential_expiry ${timestamp},
    credentials ${text},
    graph_permissions ${text},
    PRIMARY KEY (session_id, id)
)${table_options};

CREATE TABLE ${prefix}managed_devices (
    tenant_id VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    device_name VARCHAR(512),
    operating_system VARCHAR(128),
    os_version VARCHAR(128),
    compliance_state VARCHAR(32),
    management_agent VARCHAR(64),
    enrolled_at ${timestamp},
    last_sync_at ${timestamp},
    serial_number VARCHAR(128),
    manufacturer VARCHAR(256),
    model VARCHAR(256),
    wifi_mac_address VARCHAR(64),
    ethernet_mac_address VARCHAR(64),
    is_encrypted BOOLEAN,
    user_principal_name VARCHAR(512),
    azure_ad_device_id VARCHAR(128),
    serial_key VARCHAR(128),
    wifi_mac_key VARCHAR(12),
    ethernet_mac_key VARCHAR(12),
    first_seen ${timestamp} NOT NULL,
    last_seen ${timestamp} NOT NULL,
    removed_at ${timestamp},
    run_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, id)
)${table_options};
CREATE INDEX ${prefix}managed_devices_serial ON ${prefix}managed_devices (tenant_id, serial_key);
CREATE INDEX ${prefix}managed_devices_wifi_mac ON ${prefix}managed_devices (tenant_id, wifi_mac_key);
CREATE INDEX ${prefix}managed_devices_ethernet_mac ON ${prefix}managed_devices (tenant_id, ethernet_mac_key);
CREATE INDEX ${prefix}managed_devices_entra ON ${prefix}managed_devices (tenant_id, azure_ad_device_id);
CREATE INDEX ${prefix}devices_device_id ON ${prefix}devices (tenant_id, device_id);

CREATE TABLE ${prefix}managed_devices_stage (
    session_id VARCHAR(36) NOT NULL,
    id VARCHAR(128) NOT NULL,
    op CHAR(1) NOT NULL,
    device_name VARCHAR(512),
    operating_system VARCHAR(128),
    os_version VARCHAR(128),
    compliance_state VARCHAR(32),
    management_agent VARCHAR(64),
    enrolled_at ${timestamp},
    last_sync_at ${timestamp},
    serial_number VARCHAR(128),
    manufacturer VARCHAR(256),
    model VARCHAR(256),
    wifi_mac_address VARCHAR(64),
    ethernet_mac_address VARCHAR(64),
    is_encrypted BOOLEAN,
    user_principal_name VARCHAR(512),
    azure_ad_device_id VARCHAR(128),
    serial_key VARCHAR(128),
    wifi_mac_key VARCHAR(12),
    ethernet_mac_key VARCHAR(12),
    PRIMARY KEY (session_id, id)
)${table_options};
