-- Credentials that are not client secrets. credential_kind says which: 'secret' (all rows before V7),
-- 'certificate' or 'assertion'.
-- * certificate: the private key (PKCS#8) is encrypted exactly like a secret, in secret_key_id / secret_iv /
--   secret_ciphertext (AES-256-GCM under the host's key ring, with associated data naming the row and the kind);
--   certificate_chain holds the public X.509 chain (DER, concatenated); secret_expires_at holds the
--   certificate's notAfter, so one query finds every credential about to expire.
-- * assertion: a workload-identity credential whose callback entra-sync never stores; the row is a marker the
--   host binds its callback to again (JdbcCredentialStore.bindAssertionProvider), and its secret columns hold
--   an encrypted fixed marker, nothing secret.
-- Plain ALTER TABLE ... ADD COLUMN with a DEFAULT, as V6: the same statement on H2, PostgreSQL and MariaDB.

ALTER TABLE ${prefix}credentials ADD COLUMN credential_kind VARCHAR(16) DEFAULT 'secret' NOT NULL;
ALTER TABLE ${prefix}credentials ADD COLUMN certificate_chain ${blob};
