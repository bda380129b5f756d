package dev.entrasync.testkit.internal;

import java.util.List;

/** Built-in Entra ID directory roles: template id, display name and Microsoft's description. */
public final class RoleCatalog {
    /** One built-in role. */
    public record Role(String templateId, String displayName, String description) {}

    public static final Role GLOBAL_ADMINISTRATOR = new Role(
            "62e90394-69f5-4237-9190-012177145e10",
            "Global Administrator",
            "Can manage all aspects of Microsoft Entra ID and Microsoft services"
                    + " that use Microsoft Entra identities.");
    public static final Role USER_ADMINISTRATOR = new Role(
            "fe930be7-5e62-47db-91af-98c3a49a38b1",
            "User Administrator",
            "Can manage all aspects of users and groups, including resetting" + " passwords for limited admins.");
    public static final Role HELPDESK_ADMINISTRATOR = new Role(
            "729827e3-9c14-49f7-bb1b-9608f156bbb8",
            "Helpdesk Administrator",
            "Can reset passwords for non-administrators and Helpdesk Administrators.");
    public static final Role EXCHANGE_ADMINISTRATOR = new Role(
            "29232cdf-9323-42fd-ade2-1d097af3e4de",
            "Exchange Administrator",
            "Can manage all aspects of the Exchange product.");
    public static final Role SHAREPOINT_ADMINISTRATOR = new Role(
            "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
            "SharePoint Administrator",
            "Can manage all aspects of the SharePoint service.");
    public static final Role SECURITY_ADMINISTRATOR = new Role(
            "194ae4cb-b126-40b2-bd5b-6091b380977d",
            "Security Administrator",
            "Can read security information and reports, and manage configuration in Microsoft Entra ID"
                    + " and Office 365.");
    public static final Role SECURITY_READER = new Role(
            "5d6b6bb7-de71-4623-b4af-96380a352509",
            "Security Reader",
            "Can read security information and reports in Microsoft Entra ID and" + " Office 365.");
    public static final Role GLOBAL_READER = new Role(
            "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
            "Global Reader",
            "Can read everything that a Global Administrator can, but not update" + " anything.");
    public static final Role INTUNE_ADMINISTRATOR = new Role(
            "3a2c62db-5318-420d-8d74-23affee5d9d5",
            "Intune Administrator",
            "Can manage all aspects of the Intune product.");
    public static final Role BILLING_ADMINISTRATOR = new Role(
            "b0f54661-2d74-4c50-afa3-1ec803f12efe",
            "Billing Administrator",
            "Can perform common billing related tasks like updating payment information.");
    public static final Role DIRECTORY_READERS = new Role(
            "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
            "Directory Readers",
            "Can read basic directory information. Commonly used to grant"
                    + " directory read access to applications and guests.");
    public static final Role APPLICATION_ADMINISTRATOR = new Role(
            "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
            "Application Administrator",
            "Can create and manage all aspects of app registrations and enterprise apps.");

    /** Roles a generated tenant may have activated besides Global Administrator. */
    static final List<Role> OPTIONAL = List.of(
            USER_ADMINISTRATOR,
            HELPDESK_ADMINISTRATOR,
            EXCHANGE_ADMINISTRATOR,
            SHAREPOINT_ADMINISTRATOR,
            SECURITY_ADMINISTRATOR,
            SECURITY_READER,
            GLOBAL_READER,
            INTUNE_ADMINISTRATOR,
            BILLING_ADMINISTRATOR,
            APPLICATION_ADMINISTRATOR);

    private RoleCatalog() {}
}
