SELECT * FROM ${prefix}applications
WHERE tenant_id = ? AND removed_at IS NULL AND next_credential_expiry < ?
ORDER BY next_credential_expiry, id
