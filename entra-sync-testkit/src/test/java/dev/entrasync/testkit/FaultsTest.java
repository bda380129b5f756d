package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").seed(3).users(20).build());
    private final SimulatedTenant fabrikam =
            cloud.addTenant(TenantBuilder.create("Fabrikam").seed(3).users(20).build());
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

    @Test
    void throttleNextAnswers429WithGraphHeaders() {
        cloud.faults().throttleNext(2, 2.128);

        SimClient.Reply first = client.get(contosoToken, "/v1.0/users");
        SimClient.Reply second = client.get(contosoToken, "/v1.0/users");
        SimClient.Reply third = client.get(contosoToken, "/v1.0/users");

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("2.128");
        assertThat(first.header("x-ms-throttle-scope"))
                .isEqualTo("Tenant_Application/ReadWrite/" + CLIENT_ID + "/" + contoso.id());
        assertThat(first.header("x-ms-throttle-information")).isEqualTo("ResourceUnitLimitExceeded");
        assertThat(GraphUsersTest.error(first)).containsEntry("code", "TooManyRequests");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void throttleEveryHitsEveryNthRequest() {
        cloud.faults().throttleEvery(3, 1);

        List<Integer> statuses = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> client.get(contosoToken, "/v1.0/organization").status())
                .toList();

        assertThat(statuses).containsExactly(200, 200, 429, 200, 200, 429);
    }

    @Test
    void retryAfterAsHttpDate() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-05-01T12:00:00Z"));
        cloud.clock(clock);
        String token = client.token(contoso.id(), CLIENT_ID, "secret");
        cloud.faults().throttleNextWithHttpDate(1, 30);

        SimClient.Reply reply = client.get(token, "/v1.0/users");

        assertThat(ZonedDateTime.parse(reply.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .isEqualTo(Instant.parse("2026-05-01T12:00:30Z"));
    }

    @Test
    void unavailableAndFailures() {
        cloud.faults().unavailableNext(1, 5).failNext(1, 500);

        SimClient.Reply unavailable = client.get(contosoToken, "/v1.0/users");
        SimClient.Reply failed = client.get(contosoToken, "/v1.0/users");

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("5");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(client.get(contosoToken, "/v1.0/users").status()).isEqualTo(200);
    }

    @Test
    void malformedNextTruncatesJson() {
        cloud.faults().malformedNext();

        SimClient.Reply reply = client.get(contosoToken, "/v1.0/users");

        assertThat(reply.status()).isEqualTo(200);
        assertThatThrownBy(reply::json).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void dropConnectionNextClosesTheSocket() {
        cloud.faults().dropConnectionNext();

        assertThatThrownBy(() -> client.get(contosoToken, "/v1.0/users")).isInstanceOf(UncheckedIOException.class);
        assertThat(client.get(contosoToken, "/v1.0/users").status()).isEqualTo(200);
        assertThat(cloud.graphCalls()).extracting(RecordedCall::status).containsExactly(0, 200);
    }

    @Test
    void cutOffNextClosesTheConnectionPartWayThroughTheBody() {
        cloud.faults().cutOffNext();

        assertThatThrownBy(() -> client.get(contosoToken, "/v1.0/users")).isInstanceOf(UncheckedIOException.class);
        assertThat(client.get(contosoToken, "/v1.0/users").status()).isEqualTo(200);
    }

    @Test
    void throttleNextWithRetryAfterSendsTheValueVerbatim() {
        cloud.faults().throttleNextWithRetryAfter(1, "soon");

        SimClient.Reply reply = client.get(contosoToken, "/v1.0/users");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isEqualTo("soon");
    }

    @Test
    void throttleAlwaysThrottlesUntilCleared() {
        cloud.faults().forPath("/v1.0/users").throttleAlways(86400);

        assertThat(client.get(contosoToken, "/v1.0/users").header("Retry-After"))
                .isEqualTo("86400");
        assertThat(client.get(contosoToken, "/v1.0/users").status()).isEqualTo(429);
        assertThat(client.get(contosoToken, "/v1.0/organization").status()).isEqualTo(200);
        cloud.faults().clear();
        assertThat(client.get(contosoToken, "/v1.0/users").status()).isEqualTo(200);
    }

    @Test
    void linkFaultsRewriteTheNextAndDeltaLinks() {
        cloud.faults()
                .nextLinkToSelf(1)
                .nextLinkTo(1, "http://elsewhere.example/v1.0/users")
                .deltaLinkTo(1, "http://elsewhere.example/v1.0/users/delta");

        Object self = client.get(contosoToken, "/v1.0/users?$top=5").json().get("@odata.nextLink");
        Object other = client.get(contosoToken, "/v1.0/users").json().get("@odata.nextLink");
        Object delta = client.get(contosoToken, "/v1.0/users/delta").json().get("@odata.deltaLink");

        assertThat(self).isEqualTo(cloud.graphUrl() + "/v1.0/users?$top=5");
        assertThat(other).isEqualTo("http://elsewhere.example/v1.0/users");
        assertThat(delta).isEqualTo("http://elsewhere.example/v1.0/users/delta");
    }

    @Test
    void pageFaultsBreakTheShapeOfTheNextPage() {
        cloud.faults().itemWithoutIdNext().valueNotArrayNext();

        List<?> first = (List<?>) client.get(contosoToken, "/v1.0/users").json().get("value");
        Object second = client.get(contosoToken, "/v1.0/users").json().get("value");

        java.util.Map<?, ?> item = (java.util.Map<?, ?>) first.get(0);
        assertThat(item.containsKey("id")).isFalse();
        assertThat(item.containsKey("displayName")).isTrue();
        assertThat(second).isInstanceOf(java.util.Map.class);
    }

    @Test
    void redirectNextAnswers302WithTheLocation() {
        cloud.faults().redirectNext("http://elsewhere.example/x");

        SimClient.Reply reply = client.getNoRedirect(contosoToken, "/v1.0/users");

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).isEqualTo("http://elsewhere.example/x");
    }

    @Test
    void faultsScopedByTenantAndPath() {
        cloud.faults().forTenant(fabrikam.id()).forPath("/v1.0/organization").throttleNext(1, 1);

        assertThat(client.get(contosoToken, "/v1.0/organization").status()).isEqualTo(200);
        assertThat(client.get(fabrikamToken, "/v1.0/users").status()).isEqualTo(200);
        assertThat(client.get(fabrikamToken, "/v1.0/organization").status()).isEqualTo(429);
        assertThat(client.get(fabrikamToken, "/v1.0/organization").status()).isEqualTo(200);
    }

    @Test
    void clearRemovesFaults() {
        cloud.faults().throttleEvery(1, 1);
        cloud.faults().clear();

        assertThat(client.get(contosoToken, "/v1.0/users").status()).isEqualTo(200);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> cloud.faults().throttleNext(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cloud.faults().failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Integer> statuses(int count) {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(client.get(contosoToken, "/v1.0/organization").status());
        }
        return statuses;
    }

    @Test
    void throttleFractionThrottlesThatShareRepeatably() {
        cloud.faults().throttleFraction(0.3, 1, 42);
        List<Integer> first = statuses(400);
        cloud.faults().clear().throttleFraction(0.3, 1, 42);

        List<Integer> second = statuses(400);

        assertThat(first.stream().filter(s -> s == 429).count()).isBetween(90L, 150L);
        assertThat(first).containsOnly(200, 429).isEqualTo(second);
    }

    @Test
    void throttleFractionRejectsFractionsOutsideZeroToOne() {
        assertThatThrownBy(() -> cloud.faults().throttleFraction(1.0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> cloud.faults().throttleFraction(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
