package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /{tenant|organizations}/v2.0/adminconsent}: Microsoft's admin-consent page, answered
 * by the next queued {@link ConsentAnswer}. Like Entra, an unknown client id or an unregistered
 * redirect URI gets an error page (no redirect); everything else redirects (302) to the redirect
 * URI with {@code admin_consent}, {@code tenant}, {@code scope} and {@code state}, or with
 * {@code error}, {@code error_description} (and {@code error_subcode=cancel}) and {@code state}.
 */
final class AdminConsentEndpoint {
  private static final String DECLINED = "AADSTS65004: User declined to consent to access the app.";

  /** Records an approved consent: the app's service principal in the tenant, visible from {@code visibleAt}. */
  @FunctionalInterface
  public interface Recorder {
    void record(TenantData tenant, String clientId, Instant visibleAt);
  }

  private final CloudState cloud;
  private final Recorder recorder;

  AdminConsentEndpoint(CloudState cloud, Recorder recorder) {
    this.cloud = cloud;
    this.recorder = recorder;
  }

  SimServer.Handled handle(SimRequest request, String segment) {
    AppState app = cloud.apps().get(String.valueOf(request.param("client_id")).toLowerCase());
    if (app == null) {
      return page(400, "AADSTS700016: Application with identifier '" + request.param("client_id")
          + "' was not found in the directory.", null);
    }
    String redirectUri = request.param("redirect_uri");
    if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
      return page(400, "AADSTS50011: The redirect URI '" + redirectUri + "' specified in the request"
          + " does not match the redirect URIs configured for the application '" + app.clientId()
          + "'.", null);
    }
    boolean anyTenant = segment.equalsIgnoreCase("organizations") || segment.equalsIgnoreCase("common");
    TenantData pathTenant = anyTenant ? null : cloud.tenant(segment);
    if (!anyTenant && pathTenant == null) {
      return page(400, "AADSTS90002: Tenant '" + segment + "' not found.", segment);
    }
    Map<String, String> back = new LinkedHashMap<>();
    String scope = request.param("scope");
    boolean validScope = scope != null && scope.equals(cloud.graphUrl() + "/.default");
    ConsentAnswer answer = validScope ? cloud.nextConsentAnswer() : null;
    if (!validScope) {
      back.put("error", "invalid_request");
      back.put("error_description", "AADSTS70011: The provided value for the input parameter 'scope'"
          + " is not valid. The scope " + scope + " is not valid.");
    } else if (answer == null) {
      return page(409, "testkit: no administrator is waiting at the consent page; queue one with"
          + " SimulatedCloud.consentPage().approveAs(...), decline() or cancel()", segment);
    } else if (answer.kind() == ConsentAnswer.Kind.DECLINE) {
      back.put("error", "access_denied");
      back.put("error_description", DECLINED);
    } else if (answer.kind() == ConsentAnswer.Kind.CANCEL) {
      back.put("error", "access_denied");
      back.put("error_subcode", "cancel");
      back.put("error_description", DECLINED);
    } else if (pathTenant != null && !pathTenant.id().equals(answer.tenant().id())) {
      back.put("error", "access_denied");
      back.put("error_description", "AADSTS50020: User account from identity provider does not exist"
          + " in tenant '" + pathTenant.displayName() + "' and cannot access the application '"
          + app.clientId() + "' in that tenant.");
    } else {
      recorder.record(answer.tenant(), app.clientId(), cloud.now().plus(answer.propagationDelay()));
      back.put("admin_consent", "True");
      back.put("tenant", answer.tenant().id());
      back.put("scope", scope);
    }
    if (back.containsKey("error")) {
      back.put("admin_consent", "True");
    }
    if (request.param("state") != null) {
      back.put("state", request.param("state"));
    }
    String location = Links.url("", redirectUri, back);
    return new SimServer.Handled(SimResponse.empty(302).withHeader("Location", location),
        answer != null && answer.tenant() != null ? answer.tenant().id()
            : pathTenant != null ? pathTenant.id() : null);
  }

  private static SimServer.Handled page(int status, String error, String tenant) {
    return new SimServer.Handled(SimResponse.json(status, Map.of("error", "consent_page_error",
        "error_description", error)), tenant);
  }
}
