package dev.entrasync.model;

/**
 * An object an audited activity acted on.
 *
 * @param id the object's id, or null
 * @param type e.g. {@code User}, {@code Group}, {@code Application}, or null
 * @param displayName the object's name, or null
 * @param userPrincipalName the UPN when the target is a user, or null
 */
public record AuditTarget(String id, String type, String displayName, String userPrincipalName) {}
