package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /{tenant|organizations}/oauth2/v2.0/authorize}: an administrator signs in with OpenID
 * Connect and grants admin consent ({@code scope=openid profile {graph}/.default}, usually with
 * {@code prompt=consent}), answered by the next queued {@link ConsentAnswer}. Like Entra, an unknown
 * client id or an unregistered redirect URI gets an error page (no redirect). An approval records
 * the consent as {@code /adminconsent} does and redirects (302) with {@code code} and {@code state}
 * only (this flow's success response has no {@code tenant} or {@code admin_consent}); the code
 * remembers the request's {@code nonce} and PKCE challenge for the token endpoint. Failures
 * redirect with {@code error}, {@code error_description} (and {@code error_subcode=cancel}) and
 * {@code state}. Only {@code response_mode=query} is simulated.
 */
final class AuthorizeEndpoint {
  private static final String DECLINED = "AADSTS65004: User declined to consent to access the app.";

  private final CloudState cloud;
  private final AdminConsentEndpoint.Recorder recorder;

  AuthorizeEndpoint(CloudState cloud, AdminConsentEndpoint.Recorder recorder) {
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
    String mode = request.param("response_mode");
    if (mode != null && !mode.equals("query")) {
      return page(400, "testkit: only response_mode=query is simulated, not " + mode, null);
    }
    boolean anyTenant = segment.equalsIgnoreCase("organizations") || segment.equalsIgnoreCase("common");
    TenantData pathTenant = anyTenant ? null : cloud.tenant(segment);
    if (!anyTenant && pathTenant == null) {
      return page(400, "AADSTS90002: Tenant '" + segment + "' not found.", segment);
    }
    Map<String, String> back = new LinkedHashMap<>();
    String scope = request.param("scope");
    String method = request.param("code_challenge_method");
    String challenge = request.param("code_challenge");
    ConsentAnswer answer = null;
    if (!"code".equals(request.param("response_type"))) {
      back.put("error", "unsupported_response_type");
      back.put("error_description", "AADSTS700054: response_type '" + request.param("response_type")
          + "' is not enabled for the application.");
    } else if (!validScope(scope)) {
      back.put("error", "invalid_request");
      back.put("error_description", "AADSTS70011: The provided value for the input parameter 'scope'"
          + " is not valid. The scope " + scope + " is not valid.");
    } else if (method != null && !method.equals("S256") && !method.equals("plain")) {
      back.put("error", "invalid_request");
      back.put("error_description", "AADSTS501491: Invalid size of Code_Challenge parameter or"
          + " unsupported code_challenge_method '" + method + "'.");
    } else if ((answer = cloud.nextConsentAnswer()) == null) {
      return page(409, "testkit: no administrator is waiting at the sign-in page; queue one with"
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
      back.put("code", cloud.signIns().issue(app.clientId(), redirectUri, segment, answer.tenant(),
          scope, request.param("nonce"), challenge, challenge == null ? null
              : method == null ? "plain" : method, cloud.now()));
    }
    if (request.param("state") != null) {
      back.put("state", request.param("state"));
    }
    String location = Links.url("", redirectUri, back);
    return new SimServer.Handled(SimResponse.empty(302).withHeader("Location", location),
        answer != null && answer.tenant() != null ? answer.tenant().id()
            : pathTenant != null ? pathTenant.id() : null);
  }

  /** OpenID scopes plus exactly one {@code {graph}/.default}, as a consent for the app's configured permissions needs. */
  private boolean validScope(String scope) {
    if (scope == null) {
      return false;
    }
    int resources = 0;
    for (String item : scope.trim().split("\\s+")) {
      if (item.equals("openid") || item.equals("profile") || item.equals("email")
          || item.equals("offline_access")) {
        continue;
      }
      if (!item.equals(cloud.graphUrl() + "/.default")) {
        return false;
      }
      resources++;
    }
    return resources == 1;
  }

  private static SimServer.Handled page(int status, String error, String tenant) {
    return new SimServer.Handled(SimResponse.json(status, Map.of("error", "sign_in_page_error",
        "error_description", error)), tenant);
  }
}
