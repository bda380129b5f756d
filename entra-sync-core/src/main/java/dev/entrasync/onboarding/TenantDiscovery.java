package dev.entrasync.onboarding;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.GraphException;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.graph.Priority;
import dev.entrasync.internal.graph.RequestStats;
import dev.entrasync.internal.onboarding.Organization;
import dev.entrasync.internal.onboarding.PartnerCustomers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which tenants a credential reaches. For a plain credential: the tenants whose consent is
 * recorded in the {@link ConsentStore}. For a CSP partner credential: the partner's customers from
 * GDAP ({@code tenantRelationships/delegatedAdminCustomers}, in the partner's home tenant), or the
 * legacy {@code contracts} list when GDAP is unavailable or empty. Each tenant's consent status is
 * checked by asking for an app-only token; for a consented tenant the display name and default
 * domain come from its {@code /organization}. Each comes with a fresh consent link.
 *
 * <p>Obtained from {@link Onboarding#discovery()}. Thread-safe; tenants are checked one after the
 * other on the calling thread. Costs one token request and one Graph request per consented tenant
 * (tokens are cached), plus the partner's customer list.
 */
public final class TenantDiscovery {

    private final CredentialStore credentials;
    private final ConsentStore consents;
    private final ConsentFlow consentFlow;
    private final GraphTransport transport;

    TenantDiscovery(
            CredentialStore credentials, ConsentStore consents, ConsentFlow consentFlow, GraphTransport transport) {
        this.credentials = credentials;
        this.consents = consents;
        this.consentFlow = consentFlow;
        this.transport = transport;
    }

    /**
     * Every tenant the credential reaches, in the order its source lists them.
     *
     * @param credentialName the name of the credential whose tenants to find; never null
     * @return every tenant found, each with its consent status and a fresh consent link; empty when none; never null
     * @throws IllegalArgumentException if the credential is unknown
     * @throws TokenException for a partner credential, when no token can be had for its home tenant
     * @throws GraphException for a partner credential, when neither customer list can be read (the message says which permission to add)
     * @throws NullPointerException if {@code credentialName} is null
     */
    public List<DiscoveredTenant> discover(String credentialName) {
        Objects.requireNonNull(credentialName, "credentialName");
        AppCredential credential = credentials
                .find(credentialName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "credentialName: no credential named '" + credentialName + "' in the credential store"));
        RequestStats stats = new RequestStats();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        if (credential.cspPartner()) {
            var partner =
                    transport.forTenant(credential, credential.homeTenant().value());
            for (PartnerCustomers.Customer c : PartnerCustomers.list(partner, Priority.NORMAL, stats)) {
                candidates.putIfAbsent(
                        c.tenantId().toLowerCase(java.util.Locale.ROOT),
                        new Candidate(
                                c.displayName(),
                                c.defaultDomain(),
                                c.fromGdap() ? DiscoveredTenant.Source.GDAP : DiscoveredTenant.Source.CONTRACT));
            }
        } else {
            for (ConsentRecord consent : consents.list(credential.name())) {
                candidates.putIfAbsent(
                        consent.tenant().value(), new Candidate(null, null, DiscoveredTenant.Source.CONSENT));
            }
        }
        List<DiscoveredTenant> found = new ArrayList<>(candidates.size());
        candidates.forEach((tenant, candidate) -> found.add(check(credential, TenantId.of(tenant), candidate, stats)));
        return found;
    }

    private record Candidate(String displayName, String defaultDomain, DiscoveredTenant.Source source) {}

    private DiscoveredTenant check(AppCredential credential, TenantId tenant, Candidate candidate, RequestStats stats) {
        ConsentUrl link = consentFlow.forTenant(credential.name(), tenant, null);
        try {
            transport.tokens().token(credential, tenant.value());
        } catch (TokenException e) {
            boolean missing = e.failure() == TokenFailure.APP_NOT_IN_TENANT;
            return new DiscoveredTenant(
                    tenant,
                    candidate.displayName(),
                    candidate.defaultDomain(),
                    missing ? ConsentStatus.NOT_CONSENTED : ConsentStatus.UNREACHABLE,
                    link,
                    candidate.source(),
                    missing ? null : e.getMessage());
        }
        try {
            Organization org =
                    Organization.read(transport.forTenant(credential, tenant.value()), Priority.NORMAL, stats);
            return new DiscoveredTenant(
                    tenant,
                    org.displayName() != null ? org.displayName() : candidate.displayName(),
                    org.defaultDomain() != null ? org.defaultDomain() : candidate.defaultDomain(),
                    ConsentStatus.CONSENTED,
                    link,
                    candidate.source(),
                    null);
        } catch (GraphException e) {
            return new DiscoveredTenant(
                    tenant,
                    candidate.displayName(),
                    candidate.defaultDomain(),
                    ConsentStatus.CONSENTED,
                    link,
                    candidate.source(),
                    "The tenant's profile could not be read: " + e.getMessage());
        }
    }
}
