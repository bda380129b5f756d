SELECT * FROM ${prefix}licenses
WHERE tenant_id = ? AND removed_at IS NULL AND available_units > 0
ORDER BY product_name, id
