SELECT * FROM ${prefix}secure_scores
WHERE tenant_id = ? AND removed_at IS NULL AND created_at >= ? AND created_at <= ?
ORDER BY created_at, id
