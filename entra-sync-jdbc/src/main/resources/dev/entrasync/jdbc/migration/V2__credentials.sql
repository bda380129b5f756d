-- App credentials. The client secret is kept only as AES-256-GCM ciphertext: secret_key_id names the
-- host's key that encrypted it (so keys can rotate), secret_iv is the random 96-bit IV of that write.

CREATE TABLE ${prefix}credentials (
    name VARCHAR(200) NOT NULL,
    cloud VARCHAR(32) NOT NULL,
    login_url VARCHAR(512) NOT NULL,
    graph_url VARCHAR(512) NOT NULL,
    home_tenant VARCHAR(255) NOT NULL,
    client_id VARCHAR(36) NOT NULL,
    secret_key_id VARCHAR(64) NOT NULL,
    secret_iv ${blob} NOT NULL,
    secret_ciphertext ${blob} NOT NULL,
    secret_expires_at ${timestamp},
    csp_partner BOOLEAN NOT NULL,
    updated_at ${timestamp} NOT NULL,
    PRIMARY KEY (name)
)${table_options};
