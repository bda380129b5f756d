package dev.entrasync.testkit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /{tenant|organizations}/v2.0/adminconsent} (and the older {@code /adminconsent}): the
 * programmed administrator answers, consent is recorded on grant, and the browser is sent back
 * with a 302 to {@code redirect_uri} carrying exactly Microsoft's query parameters.
 */
final class AdminConsentEndpoint {
  private final CloudState cloud;

  AdminConsentEndpoint(CloudState cloud) {
    this.cloud = cloud;
  }

  SimServer.Handled handle(SimRequest request, String segment) {
    String clientId = request.param("client_id");
    String redirectUri = request.param("redirect_uri");
    AppState app = clientId == null ? null : cloud.apps().get(clientId.toLowerCase());
    if (app == null || redirectUri == null || redirectUri.isBlank()) {
      return new SimServer.Handled(SimResponse.json(400, Map.of("error", "invalid_request",
          "error_description", app == null ? "AADSTS700016: Application with identifier '"
              + clientId + "' was not found in the directory." : "AADSTS900144: The request body"
              + " must contain the following parameter: 'redirect_uri'.")), null);
    }
    ConsentDesk.Answer answer = cloud.consentDesk().next();
    Map<String, String> query = new LinkedHashMap<>();
    String tenantId = null;
    if (answer.kind().equals("GRANT")) {
      TenantData tenant = cloud.tenant(answer.tenantId());
      tenantId = answer.tenantId();
      if (tenant != null) {
        tenant.consent(app.clientId(), answer.roles(), answer.delay().equals(Duration.ZERO) ? null
            : cloud.now().plus(answer.delay()), answer.hiddenTokenRequests());
      }
      query.put("admin_consent", "True");
      query.put("tenant", answer.tenantId());
      if (request.param("scope") != null) {
        query.put("scope", request.param("scope"));
      }
    } else {
      query.put("error", "access_denied");
      if (answer.kind().equals("CANCEL")) {
        query.put("error_subcode", "cancel");
      }
      query.put("error_description", "AADSTS65004: User declined to consent to access the app."
          + "\r\nTrace ID: " + Ids.random() + "\r\nCorrelation ID: " + Ids.random()
          + "\r\nTimestamp: " + cloud.now().toString().replace('T', ' '));
      query.put("admin_consent", "True");
    }
    if (request.param("state") != null) {
      query.put("state", request.param("state"));
    }
    StringBuilder location = new StringBuilder(redirectUri);
    char separator = redirectUri.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> entry : query.entrySet()) {
      location.append(separator).append(entry.getKey()).append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      separator = '&';
    }
    return new SimServer.Handled(SimResponse.empty(302).withHeader("Location",
        location.toString()), tenantId != null ? tenantId : segment);
  }
}
