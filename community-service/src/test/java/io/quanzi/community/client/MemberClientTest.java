package io.quanzi.community.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.support.StubServer;
import io.quanzi.community.support.StubServer.Response;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

class MemberClientTest {

    private final StubServer member = new StubServer();
    private final MemberClient client = new MemberClient(
            WebClient.create(member.url()),
            new Downstream("member-service", Duration.ofMillis(500)),
            Duration.ofMillis(300));

    @AfterEach
    void stop() {
        member.close();
    }

    @Test
    void knownStoreIsLookedUpOnceThenServedFromTheCache() {
        member.respond(
                request -> Response.of(
                        200,
                        "{\"id\":\"store-1\",\"brandId\":\"brand-1\",\"name\":\"Main St\",\"timezone\":\"Asia/Shanghai\",\"status\":\"ACTIVE\"}"));

        StepVerifier.create(client.store("store-1"))
                .expectNext(new StoreInfo("store-1", "brand-1", "Main St", "Asia/Shanghai", "ACTIVE"))
                .verifyComplete();
        StepVerifier.create(client.store("store-1"))
                .assertNext(store -> assertThat(store.brandId()).isEqualTo("brand-1"))
                .verifyComplete();

        assertThat(member.requests()).singleElement().satisfies(request -> assertThat(request.path())
                .isEqualTo("/internal/stores/store-1"));
    }

    @Test
    void unknownStoreIsEmptyAndNotCached() {
        member.respond(request -> Response.of(404, "{\"type\":\"urn:quanzi:problem:not-found\"}"));

        StepVerifier.create(client.store("nowhere")).verifyComplete();
        StepVerifier.create(client.store("nowhere")).verifyComplete();

        assertThat(member.requests()).hasSize(2);
    }

    @Test
    void failingLookUpIsRetriedOnceThenReportedAndNotCached() {
        member.respond(request -> Response.status(500));

        StepVerifier.create(client.store("store-1"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(
                                DownstreamFailure.class,
                                downstream -> assertThat(downstream.permanent()).isFalse()))
                .verify();
        assertThat(member.requests()).as("a read is retried once").hasSize(2);

        member.respond(
                request -> Response.of(
                        200,
                        "{\"id\":\"store-1\",\"brandId\":\"brand-1\",\"name\":\"x\",\"timezone\":\"UTC\",\"status\":\"ACTIVE\"}"));
        StepVerifier.create(client.store("store-1"))
                .assertNext(store -> assertThat(store.brandId()).isEqualTo("brand-1"))
                .verifyComplete();
    }

    @Test
    void brandZoneIsLookedUpOnceThenServedFromTheCache() {
        member.respond(request -> Response.of(200, brand("brand-1", "Asia/Shanghai")));

        StepVerifier.create(client.brandZone("brand-1"))
                .expectNext(ZoneId.of("Asia/Shanghai"))
                .verifyComplete();
        StepVerifier.create(client.brandZone("brand-1"))
                .expectNext(ZoneId.of("Asia/Shanghai"))
                .verifyComplete();

        assertThat(member.requests()).singleElement().satisfies(request -> assertThat(request.path())
                .isEqualTo("/internal/brands/brand-1"));
    }

    @Test
    void unknownBrandOrInvalidZoneIsUtc() {
        member.respond(request -> request.path().endsWith("/mars")
                ? Response.of(200, brand("mars", "Mars/Olympus_Mons"))
                : Response.of(404, "{\"type\":\"urn:quanzi:problem:brand-not-found\"}"));

        StepVerifier.create(client.brandZone("nowhere"))
                .expectNext(MemberClient.UTC)
                .verifyComplete();
        StepVerifier.create(client.brandZone("mars"))
                .expectNext(MemberClient.UTC)
                .verifyComplete();
    }

    @Test
    void failingOrSlowZoneLookUpFallsBackToUtcAtOnceAndIsAskedAgainLater() {
        member.respond(request -> Response.status(500));
        StepVerifier.create(client.brandZone("brand-1"))
                .expectNext(MemberClient.UTC)
                .verifyComplete();
        assertThat(member.requests())
                .as("not retried: the caller would rather not wait")
                .hasSize(1);

        member.respond(request -> new Response(200, brand("brand-1", "Asia/Shanghai"), Duration.ofSeconds(5)));
        StepVerifier.create(client.brandZone("brand-1"))
                .expectNext(MemberClient.UTC)
                .expectComplete()
                .verify(Duration.ofSeconds(2));

        member.respond(request -> Response.of(200, brand("brand-1", "Asia/Shanghai")));
        StepVerifier.create(client.brandZone("brand-1"))
                .expectNext(ZoneId.of("Asia/Shanghai"))
                .verifyComplete();
    }

    @Test
    void referralMilestoneIsPostedOnceWithItsKey() {
        member.respond(request -> Response.status(202));

        StepVerifier.create(client.referralMilestone(
                        "first-checkin:brand-1:m1", "m1", "brand-1", "FIRST_CHECK_IN", "checkin:e1:m1"))
                .verifyComplete();

        assertThat(member.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/internal/referrals/milestones");
            assertThat(request.body())
                    .contains("\"idempotencyKey\":\"first-checkin:brand-1:m1\"")
                    .contains("\"milestone\":\"FIRST_CHECK_IN\"")
                    .contains("\"sourceRef\":\"checkin:e1:m1\"");
        });
    }

    /** The body of member-service's {@code GET /internal/brands/{id}}. */
    private static String brand(String id, String timezone) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"slug\":\"" + id + "\",\"timezone\":\"" + timezone
                + "\",\"status\":\"ACTIVE\"}";
    }
}
