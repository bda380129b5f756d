SELECT * FROM ${prefix}devices
WHERE tenant_id = ? AND removed_at IS NULL AND device_id = ?
ORDER BY id
