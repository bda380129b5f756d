package dev.entrasync.testkit.internal;

import java.util.List;

/** The Graph v1.0 route table: every endpoint the simulator serves and its handler. */
final class GraphRoutes {
  /** Properties {@code GET /users} returns without {@code $select}. */
  static final List<String> USER_DEFAULTS = List.of("businessPhones", "displayName", "givenName",
      "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
      "userPrincipalName", "id");

  private GraphRoutes() {}

  static GraphRouter create(GraphPipeline pipeline) {
    GraphRouter router = new GraphRouter();
    router.add("GET", "/users", new UsersEndpoint(ListSpec.of("users", "user", "users",
        GraphPermissions.USERS, 100, 999, USER_DEFAULTS, true, false, 2)));
    router.add("GET", "/organization", new ListEndpoint(ListSpec.of("organization",
        "organization", "organization", GraphPermissions.ORGANIZATION, 100, 999, null, false,
        false, 1)));
    router.add("GET", "/tenantRelationships/delegatedAdminCustomers", new ListEndpoint(ListSpec.of(
        "tenantRelationships/delegatedAdminCustomers", "delegatedAdminCustomer",
        "delegatedAdminCustomers", GraphPermissions.GDAP, 100, 300, null, true, false, 1)));
    router.add("GET", "/contracts", new ListEndpoint(ListSpec.of("contracts", "contract",
        "contracts", GraphPermissions.CONTRACTS, 100, 999, null, true, false, 3)));
    return router;
  }
}
