package dev.entrasync.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A device registered or joined in Entra ID, from Graph {@code /devices} (or {@code /devices/delta}).
 *
 * <p>Graph v1.0's {@code device} has no distinguished name and no IP address (the nearest on-premises
 * identifier is {@code onPremisesSecurityIdentifier}; IP addresses exist only on Intune's beta
 * {@code managedDevice.hardwareInformation}), so this record has neither.
 *
 * @param id object id
 * @param deviceId the id the Device Registration Service set (an alternate key), or null
 * @param displayName the device name, or null
 * @param operatingSystem e.g. {@code Windows}, {@code iOS}, or null
 * @param operatingSystemVersion e.g. {@code 10.0.22631.4460}, or null
 * @param trustType {@code AzureAd} (joined), {@code ServerAd} (hybrid joined), {@code Workplace} (registered), or null
 * @param isManaged whether Intune or an approved MDM manages it; null when Graph did not say
 * @param isCompliant whether it complies with the MDM's policy; null when not managed or not said
 * @param approximateLastSignInDateTime the last sign-in, or null
 * @param onPremisesSyncEnabled true synced from on-premises AD, false no longer synced, null never synced
 * @param registrationDateTime when registered, or null
 */
public record EntraDevice(
        String id,
        String deviceId,
        String displayName,
        String operatingSystem,
        String operatingSystemVersion,
        String trustType,
        Boolean isManaged,
        Boolean isCompliant,
        Instant approximateLastSignInDateTime,
        Boolean onPremisesSyncEnabled,
        Instant registrationDateTime)
        implements EntraRecord {

    /**
     * Validates the components.
     *
     * @param id object id; never null
     * @param deviceId the id the Device Registration Service set (an alternate key), or null
     * @param displayName the device name, or null
     * @param operatingSystem e.g. {@code Windows}, {@code iOS}, or null
     * @param operatingSystemVersion e.g. {@code 10.0.22631.4460}, or null
     * @param trustType {@code AzureAd} (joined), {@code ServerAd} (hybrid joined), {@code Workplace} (registered), or
     *     null
     * @param isManaged whether Intune or an approved MDM manages it; null when Graph did not say
     * @param isCompliant whether it complies with the MDM's policy; null when not managed or not said
     * @param approximateLastSignInDateTime the last sign-in, or null
     * @param onPremisesSyncEnabled true synced from on-premises AD, false no longer synced, null never synced
     * @param registrationDateTime when registered, or null
     * @throws NullPointerException if {@code id} is null
     */
    public EntraDevice {
        Objects.requireNonNull(id, "id");
    }
}
