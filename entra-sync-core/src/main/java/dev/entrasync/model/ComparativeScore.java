package dev.entrasync.model;

/**
 * An average secure score of comparable tenants.
 *
 * @param basis what is compared: {@code AllTenants}, {@code TotalSeats}, {@code IndustryTypes}, or null
 * @param averageScore their average score, or null
 */
public record ComparativeScore(String basis, Double averageScore) {}
