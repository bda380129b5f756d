package dev.entrasync.model;

/**
 * What kind of group an {@link EntraGroup} is, as Microsoft Entra admin center names it ({@link EntraGroup#kind()}).
 * Derived from {@code groupTypes}, {@code securityEnabled} and {@code mailEnabled} as Microsoft documents in
 * "Working with groups in Microsoft Graph".
 */
public enum GroupKind {
    /** {@code groupTypes} contains {@code Unified}: a Microsoft 365 group (mail-enabled, may be security-enabled). */
    MICROSOFT_365("Microsoft 365"),
    /** Security-enabled, not mail-enabled. */
    SECURITY("Security"),
    /** Security-enabled and mail-enabled, not {@code Unified}. */
    MAIL_ENABLED_SECURITY("Mail-enabled security"),
    /** Mail-enabled, not security-enabled, not {@code Unified}. */
    DISTRIBUTION("Distribution"),
    /** Neither security- nor mail-enabled nor {@code Unified}, or the flags were not read. */
    OTHER("Other");

    private final String label;

    GroupKind(String label) {
        this.label = label;
    }

    /**
     * The name a person reads.
     *
     * @return the label as the admin center writes it, e.g. {@code Mail-enabled security}; never null
     */
    public String label() {
        return label;
    }
}
