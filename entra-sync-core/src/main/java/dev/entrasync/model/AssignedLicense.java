package dev.entrasync.model;

/**
 * A licence assigned to a user.
 *
 * @param skuId the SKU's GUID; never null
 * @param name the friendly product name, or the SKU part number when no name is known, or null when the SKU is unknown to the tenant
 */
public record AssignedLicense(String skuId, String name) {}
