SELECT * FROM ${prefix}managed_devices
WHERE tenant_id = ? AND removed_at IS NULL
  AND (serial_key = ? OR wifi_mac_key = ? OR ethernet_mac_key = ?)
ORDER BY device_name, id
