package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real Microsoft 365 product SKUs (ids and part numbers) with a few of their service plans. */
public final class SkuCatalog {
    /** A product SKU: part number, id and its service plans as (name, id) pairs. */
    public record Sku(String partNumber, String skuId, List<String[]> plans) {
        /** Returns the {@code servicePlans} items in Graph shape. */
        public List<Map<String, Object>> servicePlans() {
            return plans.stream()
                    .map(p -> {
                        Map<String, Object> plan = new LinkedHashMap<>();
                        plan.put("servicePlanId", p[1]);
                        plan.put("servicePlanName", p[0]);
                        plan.put("provisioningStatus", "Success");
                        plan.put("appliesTo", "User");
                        return plan;
                    })
                    .toList();
        }
    }

    private static final String[] EXCHANGE_P2 = {"EXCHANGE_S_ENTERPRISE", "efb87545-963c-4e0d-99df-69c6916d9eb0"};
    private static final String[] EXCHANGE_P1 = {"EXCHANGE_S_STANDARD", "9aaf7827-d63c-4b61-89c3-182f06f82e5c"};
    private static final String[] SHAREPOINT = {"SHAREPOINTENTERPRISE", "5dbe027f-2339-4123-9542-606e4d348a72"};
    private static final String[] TEAMS = {"TEAMS1", "57ff2da0-773e-42df-b2af-ffb7a2317929"};
    private static final String[] AAD_P1 = {"AAD_PREMIUM", "41781fb2-bc02-4b7c-bd55-b576c07bb09d"};
    private static final String[] INTUNE = {"INTUNE_A", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5"};
    private static final String[] MFA = {"MFA_PREMIUM", "8a256a2b-b617-496d-b51b-e76466e88db0"};

    public static final Sku SPE_E3 = new Sku(
            "SPE_E3",
            "05e9a617-0261-4cee-bb44-138d3ef5d965",
            List.of(EXCHANGE_P2, SHAREPOINT, TEAMS, AAD_P1, INTUNE, MFA));
    public static final Sku SPE_E5 = new Sku(
            "SPE_E5",
            "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
            List.of(EXCHANGE_P2, SHAREPOINT, TEAMS, AAD_P1, INTUNE, MFA));
    public static final Sku ENTERPRISEPACK =
            new Sku("ENTERPRISEPACK", "6fd2c87f-b296-42f0-b197-1e91e994b900", List.of(EXCHANGE_P2, SHAREPOINT, TEAMS));
    public static final Sku O365_BUSINESS_PREMIUM = new Sku(
            "O365_BUSINESS_PREMIUM", "f245ecc8-75af-4f8e-b61f-27d8114de5f3", List.of(EXCHANGE_P1, SHAREPOINT, TEAMS));
    public static final Sku SPB = new Sku(
            "SPB",
            "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
            List.of(EXCHANGE_P1, SHAREPOINT, TEAMS, AAD_P1, INTUNE, MFA));
    public static final Sku AAD_PREMIUM =
            new Sku("AAD_PREMIUM", "078d2b04-f1bd-4111-bbd4-b4b5b7a10f3d", List.of(AAD_P1, MFA));
    public static final Sku EMS = new Sku("EMS", "efccb6f7-5641-4e0e-bd10-b4976e1bf68e", List.of(AAD_P1, INTUNE, MFA));
    public static final Sku EXCHANGESTANDARD =
            new Sku("EXCHANGESTANDARD", "4b9405b0-7788-4568-add1-99614e613b69", List.<String[]>of(EXCHANGE_P1));
    public static final Sku FLOW_FREE =
            new Sku("FLOW_FREE", "f30db892-07e9-47e9-837c-80727f46fd3d", List.<String[]>of(new String[] {
                "FLOW_P2_VIRAL", "50e68c76-46c6-4674-81f9-75456511b170"
            }));

    /** Main user licences for premium tenants (each includes Entra ID P1). */
    public static final List<Sku> PREMIUM_MAIN = List.of(SPE_E3, SPE_E5, SPB);
    /** Main user licences for tenants without Entra ID P1. */
    public static final List<Sku> BASIC_MAIN = List.of(ENTERPRISEPACK, O365_BUSINESS_PREMIUM, EXCHANGESTANDARD);

    private SkuCatalog() {}
}
