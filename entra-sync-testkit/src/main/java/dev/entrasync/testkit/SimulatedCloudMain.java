package dev.entrasync.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Runs a simulated cloud for demos and manual testing: the Contoso fixture, a tenant without
 * Entra ID P1 and a CSP partner whose customers they are, all consented for one registered app.
 * Prints the URLs, client id, the generated secret and tenant ids, then serves until killed.
 * With {@code --https} it serves HTTPS with a self-signed certificate and writes a PKCS12 trust
 * store, printing its path and password.
 *
 * <p>{@code --fault SPEC} (repeatable) makes Graph misbehave on purpose, for every tenant, on the
 * paths starting with {@code --fault-path} (default {@code /v1.0/users}), to see how a host copes:
 * <ul>
 *   <li>{@code retry-after=SECONDS}: every request answered 429 with this {@code Retry-After}
 *       (e.g. {@code 86400}, a day);</li>
 *   <li>{@code self-next-link}: every page's {@code @odata.nextLink} points at the page itself;</li>
 *   <li>{@code foreign-next-link=URL}: every page's {@code @odata.nextLink} is {@code URL} (e.g. on
 *       another host or port);</li>
 *   <li>{@code foreign-delta-link=URL}: every page that ends a delta round carries
 *       {@code @odata.deltaLink} {@code URL}.</li>
 * </ul>
 */
public final class SimulatedCloudMain {

    /** What {@code --help} prints. */
    static final String USAGE = """
            Usage: SimulatedCloudMain [--https] [--fault SPEC]... [--fault-path PREFIX] [--help]
            Serves a simulated Microsoft cloud (login and Graph) until killed: the Contoso fixture, Tailspin Toys
            (no Entra ID P1) and their CSP partner Northwind MSP, all consented for one registered app. Prints
            the URLs, the app's client id and secret, the tenant ids and a Northwind MSP mailbox to send mail
            from (the app has Mail.Send there: sync --mail-from MAILBOX --mail-to ADDRESS), then one line per
            message the app sends.
              --https              serve HTTPS with a self-signed certificate; prints the trust store's path
                                   and password
              --fault SPEC         make Graph misbehave on purpose (repeatable):
                                     retry-after=SECONDS      every request answered 429 with this Retry-After
                                     self-next-link           every page's nextLink points at the page itself
                                     foreign-next-link=URL    every page's nextLink is URL
                                     foreign-delta-link=URL   every delta round ends with deltaLink URL
              --fault-path PREFIX  the paths the faults apply to (default /v1.0/users)
              --help               print this and exit
            """;

    private SimulatedCloudMain() {}

    /**
     * Starts the demo cloud; {@code --https} for HTTPS, {@code --fault SPEC} and {@code --fault-path
     * PREFIX} as the class describes.
     *
     * @throws IllegalArgumentException naming an unknown option or fault
     */
    public static void main(String... args) throws Exception {
        boolean https = false;
        String faultPath = "/v1.0/users";
        List<String> faults = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--https" -> https = true;
                case "--fault" -> faults.add(value(args, ++i, "--fault"));
                case "--fault-path" -> faultPath = value(args, ++i, "--fault-path");
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; use --https, --fault SPEC, --fault-path PREFIX or --help");
            }
        }
        SimulatedCloud cloud = https ? SimulatedCloud.startHttps() : SimulatedCloud.start();
        for (String fault : faults) {
            apply(cloud.faults().forPath(faultPath), fault);
            System.out.println("fault:         " + fault + " on " + faultPath);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
        String secret = randomText(24);
        SimulatedApp app = cloud.registerApp(UUID.randomUUID().toString(), secret);
        SimulatedTenant contoso = cloud.addTenant(ContosoFixture.build());
        SimulatedTenant basic = cloud.addTenant(TenantBuilder.create("Tailspin Toys")
                .seed(7)
                .premium(false)
                .users(40)
                .build());
        SimulatedTenant partner = cloud.addTenant(TenantBuilder.partner("Northwind MSP")
                .seed(3)
                .users(8)
                .customers(List.of(contoso, basic))
                .build());
        contoso.consent(app, Permissions.allRead());
        basic.consent(app, Permissions.allRead());
        partner.consent(
                app,
                Permissions.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL,
                Permissions.DIRECTORY_READ_ALL,
                Permissions.MAIL_SEND);

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
        System.out.println("mailbox:       " + mailbox(partner) + "  (Northwind MSP; the app has Mail.Send there)");
        System.out.println("Serving until killed.");
        printSentMail(cloud);
    }

    /** The tenant's first enabled user by user principal name, a mailbox {@code sync --mail-from} can send from. */
    private static String mailbox(SimulatedTenant tenant) {
        return tenant.users().list().stream()
                .filter(user -> !Boolean.FALSE.equals(user.get("accountEnabled")))
                .map(user -> String.valueOf(user.get("userPrincipalName")))
                .sorted()
                .findFirst()
                .orElseThrow();
    }

    /** Prints each message the cloud accepts, as it arrives, until the process is killed. */
    private static void printSentMail(SimulatedCloud cloud) throws InterruptedException {
        int printed = 0;
        while (true) {
            List<SentMail> sent = cloud.sentMail();
            for (; printed < sent.size(); printed++) {
                SentMail mail = sent.get(printed);
                System.out.println("mail sent:     " + mail.senderUserPrincipalName() + " -> "
                        + String.join(", ", mail.toRecipients()) + ": " + mail.subject());
            }
            Thread.sleep(500);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    /** Switches one {@code --fault} on. */
    static void apply(Faults faults, String spec) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String value = eq < 0 ? null : spec.substring(eq + 1);
        switch (name) {
            case "retry-after" -> faults.throttleAlways(Double.parseDouble(required(value, spec)));
            case "self-next-link" -> faults.nextLinkToSelf(Integer.MAX_VALUE);
            case "foreign-next-link" -> faults.nextLinkTo(Integer.MAX_VALUE, required(value, spec));
            case "foreign-delta-link" -> faults.deltaLinkTo(Integer.MAX_VALUE, required(value, spec));
            default ->
                throw new IllegalArgumentException("unknown fault '" + spec + "'; use retry-after=SECONDS,"
                        + " self-next-link, foreign-next-link=URL or foreign-delta-link=URL");
        }
    }

    private static String required(String value, String spec) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("fault '" + spec + "' needs a value after '='");
        }
        return value;
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
