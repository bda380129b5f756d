SELECT * FROM ${prefix}users
WHERE tenant_id = ? AND removed_at IS NULL AND mfa_state = 'NOT_REGISTERED'
ORDER BY user_principal_name, id
