package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph's throttling model over HTTP; the budgets' arithmetic is in ThrottleModelTest. */
class ThrottlingTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private static final String AUDITS = "/v1.0/auditLogs/directoryAudits?$top=1";
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-22T08:00:00Z"));
    private final SimulatedCloud cloud = SimulatedCloud.start().clock(clock);
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso = cloud.addTenant(TenantBuilder.create("Contoso")
            .seed(6)
            .users(20)
            .asOf(clock.instant())
            .build());
    private final SimulatedTenant fabrikam = cloud.addTenant(TenantBuilder.create("Fabrikam")
            .seed(6)
            .users(20)
            .asOf(clock.instant())
            .build());
    private String contosoToken;
    private String fabrikamToken;

    @BeforeEach
    void consent() {
        contoso.consent(app, Permissions.allRead());
        fabrikam.consent(app, Permissions.allRead());
        contosoToken = client.token(contoso.id(), CLIENT_ID, "secret");
        fabrikamToken = client.token(fabrikam.id(), CLIENT_ID, "secret");
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private List<Integer> statuses(String token, String path, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(client.get(token, path).status());
        }
        return statuses;
    }

    @Test
    void isOffByDefault() {
        assertThat(statuses(contosoToken, AUDITS, 8)).containsOnly(200);
    }

    @Test
    void reportsAnswer429AfterFiveRequestsIn10Seconds() {
        cloud.throttling(true);

        List<Integer> statuses = statuses(contosoToken, AUDITS, 5);
        SimClient.Reply sixth = client.get(contosoToken, AUDITS);

        assertThat(statuses).containsOnly(200);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isEqualTo("2");
        assertThat(sixth.header("x-ms-throttle-scope"))
                .isEqualTo("Tenant_Application/ReadWrite/" + CLIENT_ID + "/" + contoso.id());
        assertThat(sixth.header("x-ms-throttle-information")).isEqualTo("RequestLimitExceeded");
        assertThat(sixth.body()).contains("TooManyRequests");
    }

    @Test
    void theReportsBudgetRefillsOnTheCloudsClock() {
        cloud.throttling(true);
        statuses(contosoToken, AUDITS, 5);

        clock.advance(Duration.ofSeconds(2));

        assertThat(client.get(contosoToken, AUDITS).status()).isEqualTo(200);
        assertThat(client.get(contosoToken, AUDITS).status()).isEqualTo(429);
    }

    @Test
    void eachTenantHasItsOwnBudget() {
        cloud.throttling(true);
        statuses(contosoToken, AUDITS, 6);

        assertThat(statuses(fabrikamToken, AUDITS, 5)).containsOnly(200);
    }

    @Test
    void directoryRequestsDrawOnTheResourceUnitBudgetNotTheReports() {
        cloud.throttling(true);
        statuses(contosoToken, AUDITS, 6);

        assertThat(statuses(contosoToken, "/v1.0/users?$select=id", 20)).containsOnly(200);
    }

    @Test
    void batchItemsCountOneByOne() {
        cloud.throttling(true);
        String item = "{\"id\":\"%d\",\"method\":\"GET\",\"url\":\"/auditLogs/directoryAudits?$top=1\"}";
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            items.add(item.formatted(i));
        }
        cloud.clearCalls();

        SimClient.Reply reply =
                client.post(contosoToken, "/v1.0/$batch", "{\"requests\":[" + String.join(",", items) + "]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().split("\"status\":429", -1)).hasSize(3);
        assertThat(cloud.graphTraffic()).isEqualTo(new GraphTraffic(1, 7, 2, Duration.ZERO));
    }

    @Test
    void trafficIsCountedWithRecordingOff() {
        cloud.throttling(true).recordCalls(false);
        cloud.clearCalls();

        statuses(contosoToken, AUDITS, 7);

        assertThat(cloud.calls()).isEmpty();
        assertThat(cloud.graphTraffic()).isEqualTo(new GraphTraffic(7, 0, 2, Duration.ZERO));
    }

    @Test
    void trafficAddsUpTheLatencyHeldBack() {
        cloud.latency(Duration.ofMillis(2), Duration.ofMillis(1)).clearCalls();

        client.get(contosoToken, "/v1.0/users?$select=id&$top=3");
        client.get(contosoToken, "/v1.0/organization");

        assertThat(cloud.graphTraffic().heldBack()).isEqualTo(Duration.ofMillis(2 + 3 + 2 + 1));
    }
}
