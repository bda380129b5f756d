package dev.entrasync.model;

import java.util.Objects;

/**
 * A licence (SKU) the tenant subscribes to, from Graph {@code /subscribedSkus}, with its unit counts.
 * Keyed by {@link #skuId()}.
 *
 * @param skuId the SKU's GUID; never null
 * @param skuPartNumber e.g. {@code SPE_E3}; never null
 * @param productName the friendly product name (e.g. {@code Microsoft 365 E3}) from the licence catalog, or
 *     {@link #skuPartNumber()} when the catalog does not know the SKU; never null
 * @param capabilityStatus {@code Enabled}, {@code Warning}, {@code Suspended}, {@code Deleted} or {@code LockedOut}, or null
 * @param enabledUnits prepaid units active
 * @param consumedUnits units assigned
 * @param warningUnits units in the warning (grace) state
 * @param suspendedUnits units suspended
 * @param lockedOutUnits units locked out (subscription cancelled)
 */
public record EntraLicense(
        String skuId,
        String skuPartNumber,
        String productName,
        String capabilityStatus,
        int enabledUnits,
        int consumedUnits,
        int warningUnits,
        int suspendedUnits,
        int lockedOutUnits)
        implements EntraRecord {

    /**
     * Validates the components; a null or blank product name becomes the part number.
     *
     * @param skuId the SKU's GUID; never null
     * @param skuPartNumber e.g. {@code SPE_E3}; never null
     * @param productName the friendly product name (e.g. {@code Microsoft 365 E3}) from the licence catalog, or
     *     {@link #skuPartNumber()} when the catalog does not know the SKU; null or blank is read as
     *     {@code skuPartNumber}
     * @param capabilityStatus {@code Enabled}, {@code Warning}, {@code Suspended}, {@code Deleted} or
     *     {@code LockedOut}, or null
     * @param enabledUnits prepaid units active
     * @param consumedUnits units assigned
     * @param warningUnits units in the warning (grace) state
     * @param suspendedUnits units suspended
     * @param lockedOutUnits units locked out (subscription cancelled)
     * @throws NullPointerException if {@code skuId} or {@code skuPartNumber} is null
     */
    public EntraLicense {
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(skuPartNumber, "skuPartNumber");
        productName = productName == null || productName.isBlank() ? skuPartNumber : productName;
    }

    /** The SKU id: a tenant subscribes to a SKU once. */
    @Override
    public String id() {
        return skuId;
    }
}
