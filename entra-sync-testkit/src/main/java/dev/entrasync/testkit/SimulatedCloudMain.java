package dev.entrasync.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulated cloud for demos and manual testing: the Contoso fixture, a tenant without
 * Entra ID P1 and a CSP partner whose customers they are, all consented for one registered app.
 * Prints the URLs, client id, the generated secret and tenant ids, then serves until killed.
 * With {@code --https} it serves HTTPS with a self-signed certificate and writes a PKCS12 trust
 * store, printing its path and password.
 */
public final class SimulatedCloudMain {
  private SimulatedCloudMain() {}

  /** Starts the demo cloud; {@code --https} for HTTPS. */
  public static void main(String... args) throws Exception {
    boolean https = List.of(args).contains("--https");
    SimulatedCloud cloud = https ? SimulatedCloud.startHttps() : SimulatedCloud.start();
    Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
    String secret = randomText(24);
    SimulatedApp app = cloud.registerApp(UUID.randomUUID().toString(), secret);
    SimulatedTenant contoso = cloud.addTenant(ContosoFixture.build());
    SimulatedTenant basic = cloud.addTenant(TenantBuilder.create("Tailspin Toys").seed(7)
        .premium(false).users(40).build());
    SimulatedTenant partner = cloud.addTenant(TenantBuilder.partner("Northwind MSP").seed(3)
        .users(8).customers(List.of(contoso, basic)).build());
    contoso.consent(app, Permissions.allRead());
    basic.consent(app, Permissions.allRead());
    partner.consent(app, Permissions.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL,
        Permissions.DIRECTORY_READ_ALL, Permissions.MAIL_SEND);

    System.out.println("login URL:     " + cloud.loginUrl());
    System.out.println("graph URL:     " + cloud.graphUrl() + "/v1.0");
    System.out.println("client id:     " + app.clientId());
    System.out.println("client secret: " + secret + "   (generated for this run)");
    for (SimulatedTenant tenant : List.of(contoso, basic, partner)) {
      System.out.println("tenant:        " + tenant.id() + "  " + tenant.defaultDomain() + "  "
          + tenant.displayName() + (tenant.premium() ? "" : " (no Entra ID P1)"));
    }
    if (https) {
      Path trustStore = Files.createTempFile("entra-sync-sim-", ".p12");
      String password = randomText(12);
      cloud.tls().writeTrustStore(trustStore, password.toCharArray());
      System.out.println("trust store:   " + trustStore + "  (PKCS12, password " + password + ")");
    }
    System.out.println("Serving until killed.");
    new CountDownLatch(1).await();
  }

  private static String randomText(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
