package dev.entrasync.jdbc;

import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraManagedDevice;
import java.util.Objects;
import java.util.Optional;

/**
 * An Intune managed device with the Entra device it is registered as, joined on
 * {@link EntraManagedDevice#azureADDeviceId()} = {@link EntraDevice#deviceId()}. Returned by
 * {@link JdbcQueries#managedDevicesWithEntraDevices(dev.entrasync.TenantId)}. Immutable.
 *
 * @param managed the managed device
 * @param entraDevice the Entra device with the same device id, or null when the managed device is not registered in
 *     Entra or its device is not (or no longer) synced
 */
public record ManagedDeviceMatch(EntraManagedDevice managed, EntraDevice entraDevice) {

    /**
     * Validates the components.
     *
     * @param managed the managed device; never null
     * @param entraDevice the matching Entra device; may be null
     * @throws NullPointerException if {@code managed} is null
     */
    public ManagedDeviceMatch {
        Objects.requireNonNull(managed, "managed");
    }

    /**
     * The matching Entra device, if any.
     *
     * @return the Entra device, or empty when there is none
     */
    public Optional<EntraDevice> device() {
        return Optional.ofNullable(entraDevice);
    }
}
