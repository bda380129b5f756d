package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.Consent;
import dev.entrasync.testkit.internal.TenantData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A simulated Entra ID tenant: profile, directory data and the consents of apps. Built by
 * {@link TenantBuilder}, served after {@link SimulatedCloud#addTenant(SimulatedTenant)} (one cloud
 * per tenant). Tests may change data and consents at any time. Thread-safe.
 */
public final class SimulatedTenant {
    private final TenantData data;

    SimulatedTenant(TenantData data) {
        this.data = data;
    }

    TenantData data() {
        return data;
    }

    /** Returns the tenant id (a GUID, lower case). */
    public String id() {
        return data.id();
    }

    /** Returns the organization's display name. */
    public String displayName() {
        return data.displayName();
    }

    /** Returns the verified domain names, the initial {@code *.onmicrosoft.com} one first. */
    public List<String> domains() {
        return data.domainNames();
    }

    /** Returns the initial {@code <name>.onmicrosoft.com} domain. */
    public String initialDomain() {
        return data.domainNames().get(0);
    }

    /** Returns the default domain (the custom domain when the builder set one). */
    public String defaultDomain() {
        return data.defaultDomain();
    }

    /** Returns whether the tenant has Entra ID P1 (premium reports, 30-day audit retention). */
    public boolean premium() {
        return data.premium();
    }

    /** Returns the users; change them to drive delta tests. */
    public SimulatedDirectory users() {
        return new SimulatedDirectory(data, "users");
    }

    /** Returns the devices. */
    public SimulatedDirectory devices() {
        return new SimulatedDirectory(data, "devices");
    }

    /** Returns the app registrations ({@code /applications}), with their secrets and certificates. */
    public SimulatedDirectory applications() {
        return new SimulatedDirectory(data, "applications");
    }

    /**
     * Returns the service principals ({@code /servicePrincipals}): the tenant's own apps, Microsoft's (Microsoft
     * Graph with its {@code appRoles} among them) and an enterprise app.
     */
    public SimulatedDirectory servicePrincipals() {
        return new SimulatedDirectory(data, "servicePrincipals");
    }

    /**
     * Returns the app role assignments whose resource is Microsoft Graph (the application permissions granted to the
     * tenant's service principals), served by {@code /servicePrincipals/{graph}/appRoleAssignedTo}.
     */
    public SimulatedDirectory graphPermissionGrants() {
        return new SimulatedDirectory(data, "appRoleAssignments");
    }

    /** Returns Intune's managed devices ({@code /deviceManagement/managedDevices}). */
    public SimulatedDirectory managedDevices() {
        return new SimulatedDirectory(data, "managedDevices");
    }

    /**
     * Makes an Intune-managed device compliant or non-compliant the way a real tenant shows it: Intune's managed device
     * (joined by its {@code azureADDeviceId} to the Entra device's {@code deviceId}) gets {@code complianceState}
     * {@code compliant} or {@code noncompliant}, and Intune writes the result into the Entra device's
     * {@code isCompliant}. Both changes are logged, so the next {@code /devices/delta} and the next managed device
     * list show them. Called by a test thread, also while the simulated cloud serves requests.
     *
     * @param deviceObjectId the Entra device's object id ({@code id}, not its {@code deviceId}); never null
     * @param compliant true for compliant, false for non-compliant
     * @return the Intune managed device after the change
     * @throws IllegalArgumentException when the tenant has no device with this id, or Intune does not manage it (no
     *     managed device names its {@code deviceId}): only a managed device has a compliance state
     */
    public Map<String, Object> deviceCompliance(String deviceObjectId, boolean compliant) {
        Objects.requireNonNull(deviceObjectId, "deviceObjectId");
        Map<String, Object> device = devices().get(deviceObjectId);
        if (device == null) {
            throw new IllegalArgumentException("no device with id " + deviceObjectId + " in tenant " + id());
        }
        Object deviceId = device.get("deviceId");
        Map<String, Object> managed = deviceId == null ? null : managedDevices().find("azureADDeviceId", deviceId);
        if (managed == null) {
            throw new IllegalArgumentException("device " + deviceObjectId + " is not managed by Intune (no managed"
                    + " device has azureADDeviceId " + deviceId + "), so it has no compliance state; pick a device"
                    + " whose isManaged is true");
        }
        Map<String, Object> after = managedDevices()
                .update(
                        (String) managed.get("id"),
                        Map.of("complianceState", compliant ? "compliant" : "noncompliant"));
        devices().update(deviceObjectId, Map.of("isCompliant", compliant));
        return after;
    }

    /**
     * Returns whether the tenant has Microsoft Intune; without it Intune answers 400 {@code BadRequest} "Request not
     * applicable to target tenant." Defaults to {@link #premium()}.
     */
    public boolean intune() {
        return data.intune();
    }

    /**
     * Gives the tenant Microsoft Intune or takes it away.
     *
     * @return this tenant
     */
    public SimulatedTenant intune(boolean value) {
        data.intune(value);
        return this;
    }

    /**
     * Returns how many objects each collection of the tenant holds, by collection name:
     * {@code users}, {@code devices}, {@code groups}, {@code directoryRoles},
     * {@code subscribedSkus}, {@code userRegistrationDetails}, {@code directoryAudits},
     * {@code secureScores}, {@code secureScoreControlProfiles}, {@code organization},
     * {@code servicePrincipals} and the partner lists. A snapshot; sorted by name.
     */
    public java.util.Map<String, Integer> sizes() {
        return data.sizes();
    }

    /**
     * Returns the directory audit log ({@code /auditLogs/directoryAudits}), newest first: the generated history plus
     * what {@link #roles()} changes logged. Graph serves only the events inside the retention (30 days with Entra ID
     * P1, else 7) by the cloud's clock.
     */
    public List<Map<String, Object>> auditEvents() {
        return data.store("directoryAudits").all();
    }

    /** Returns the activated directory roles and their members. */
    public SimulatedRoles roles() {
        return new SimulatedRoles(data);
    }

    /**
     * Returns the rows of the MFA registration report ({@code userRegistrationDetails}), keyed by
     * user id; change one (e.g. {@code isMfaRegistered}, {@code methodsRegistered}) to simulate a
     * user registering a method.
     */
    public SimulatedDirectory registrationDetails() {
        return new SimulatedDirectory(data, "userRegistrationDetails");
    }

    /**
     * Returns the Conditional Access policies ({@code /identity/conditionalAccess/policies}); none in a tenant without
     * Entra ID P1, whose Graph refuses the list.
     */
    public SimulatedDirectory conditionalAccessPolicies() {
        return new SimulatedDirectory(data, "conditionalAccessPolicies");
    }

    /** Returns whether security defaults are on ({@code /policies/identitySecurityDefaultsEnforcementPolicy}). */
    public boolean securityDefaultsEnabled() {
        return Boolean.TRUE.equals(data.store("identitySecurityDefaultsEnforcementPolicy")
                .all()
                .get(0)
                .get("isEnabled"));
    }

    /** Turns security defaults on or off. */
    public SimulatedTenant securityDefaults(boolean enabled) {
        java.util.Map<String, Object> policy = new java.util.LinkedHashMap<>(
                data.store("identitySecurityDefaultsEnforcementPolicy").all().get(0));
        policy.put("isEnabled", enabled);
        data.store("identitySecurityDefaultsEnforcementPolicy").put(policy);
        return this;
    }

    /** Returns the groups and their memberships. */
    public SimulatedGroups groups() {
        return new SimulatedGroups(data);
    }

    /**
     * Records an administrator's consent for {@code app}: its service principal now exists in this
     * tenant and holds these application permissions (added to any it already had), visible to the
     * token endpoint at once.
     *
     * @param permissions permission names such as {@code User.Read.All}; none is allowed (the
     *     token then has no {@code roles} claim)
     */
    public SimulatedTenant consent(SimulatedApp app, String... permissions) {
        consent(app, Set.of(permissions), null, 0);
        return this;
    }

    void consent(SimulatedApp app, Set<String> permissions, Instant visibleAt, int hiddenRequests) {
        data.consent(Objects.requireNonNull(app, "app").clientId(), permissions, visibleAt, hiddenRequests);
    }

    /**
     * Makes {@code customer} a GDAP customer of this (partner) tenant: it appears in this tenant's
     * {@code /tenantRelationships/delegatedAdminCustomers} (DelegatedAdminRelationship.Read.All).
     */
    public SimulatedTenant addGdapCustomer(SimulatedTenant customer) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", customer.id());
        entity.put("tenantId", customer.id());
        entity.put("displayName", customer.displayName());
        data.store("delegatedAdminCustomers", "delegatedAdminCustomer");
        data.add("delegatedAdminCustomers", entity);
        data.addCustomerTenantIds(List.of(customer.id()));
        return this;
    }

    /**
     * Gives this (partner) tenant a legacy DAP contract with {@code customer}: it appears in this
     * tenant's {@code /contracts} (Directory.Read.All).
     */
    public SimulatedTenant addContract(SimulatedTenant customer) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put(
                "id",
                UUID.nameUUIDFromBytes(("contract/" + id() + "/" + customer.id()).getBytes(StandardCharsets.UTF_8))
                        .toString());
        entity.put("contractType", "ResellerPartner");
        entity.put("customerId", customer.id());
        entity.put("defaultDomainName", customer.defaultDomain());
        entity.put("displayName", customer.displayName());
        data.store("contracts", "contract");
        data.add("contracts", entity);
        return this;
    }

    /** Removes the app's service principal: its token requests fail with AADSTS700016. */
    public SimulatedTenant revokeConsent(SimulatedApp app) {
        data.consents().remove(app.clientId());
        return this;
    }

    /** Grants one more application permission to an app that has consent. */
    public SimulatedTenant grant(SimulatedApp app, String permission) {
        requireConsent(app).roles().add(Objects.requireNonNull(permission, "permission"));
        return this;
    }

    /** Revokes one application permission; the app keeps its consent. */
    public SimulatedTenant revoke(SimulatedApp app, String permission) {
        requireConsent(app).roles().remove(permission);
        return this;
    }

    /** Returns the permissions granted to the app here; empty when it has no consent. */
    public Set<String> grantedPermissions(SimulatedApp app) {
        Consent consent = data.consents().get(app.clientId());
        return consent == null ? Set.of() : Set.copyOf(consent.roles());
    }

    /** Returns whether the app has a service principal (consent) here. */
    public boolean hasConsent(SimulatedApp app) {
        return data.consents().containsKey(app.clientId());
    }

    private Consent requireConsent(SimulatedApp app) {
        Consent consent = data.consents().get(app.clientId());
        if (consent == null) {
            throw new IllegalStateException(app + " has no consent in tenant " + id());
        }
        return consent;
    }

    @Override
    public String toString() {
        return "SimulatedTenant[" + displayName() + ", " + id() + "]";
    }
}
