SELECT * FROM ${prefix}secure_scores
WHERE tenant_id = ? AND removed_at IS NULL
ORDER BY created_at DESC, id DESC
LIMIT 1
