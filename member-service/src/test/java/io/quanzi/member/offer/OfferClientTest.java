package io.quanzi.member.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.quanzi.member.StubOfferService;
import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/** The offer-service client against a stub server that follows the BRIEF contract. */
class OfferClientTest {

    private final StubOfferService stub = StubOfferService.get();
    private CircuitBreaker circuitBreaker;
    private OfferClient client;

    @BeforeEach
    void setUp() {
        stub.reset();
        circuitBreaker = CircuitBreaker.of(
                "offer-test",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(4)
                        .minimumNumberOfCalls(4)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMinutes(1))
                        .build());
        client = new OfferClient(
                WebClient.builder().baseUrl(stub.baseUrl()).build(),
                circuitBreaker,
                TimeLimiter.of(TimeLimiterConfig.custom()
                        .timeoutDuration(Duration.ofMillis(500))
                        .build()),
                TimeLimiter.of(TimeLimiterConfig.custom()
                        .timeoutDuration(Duration.ofMillis(300))
                        .build()),
                Retry.of(
                        "read",
                        RetryConfig.custom()
                                .maxAttempts(2)
                                .waitDuration(Duration.ofMillis(10))
                                .build()),
                Clock.systemUTC(),
                Duration.ofSeconds(60));
    }

    @Test
    void earnSendsTheContractBodyAndA2xxIsAcknowledged() {
        OutboxEntry earn = OfferCall.earn("club-join:b:m", "m", "b", "CLUB_JOIN", "club-join:b", Instant.now());

        StepVerifier.create(client.deliver(earn))
                .assertNext(delivery -> assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.ACKNOWLEDGED))
                .verifyComplete();

        var body = stub.calls("/internal/points/earn").get(0).body();
        assertThat(body.get("idempotencyKey").asString()).isEqualTo("club-join:b:m");
        assertThat(body.get("memberId").asString()).isEqualTo("m");
        assertThat(body.get("brandId").asString()).isEqualTo("b");
        assertThat(body.get("activity").asString()).isEqualTo("CLUB_JOIN");
        assertThat(body.has("points")).isFalse();
    }

    @Test
    void factsAndStoresFollowTheContract() {
        StepVerifier.create(client.deliver(OfferCall.fact("m", "b", "club-member", false, Instant.now())))
                .assertNext(delivery -> assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.ACKNOWLEDGED))
                .verifyComplete();
        StepVerifier.create(client.deliver(OfferCall.store("b", "s-1", Instant.now())))
                .assertNext(delivery -> assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.ACKNOWLEDGED))
                .verifyComplete();

        var fact = stub.calls("/internal/facts").get(0).body();
        assertThat(fact.get("fact").asString()).isEqualTo("club-member");
        assertThat(fact.get("present").asBoolean()).isFalse();
        assertThat(stub.calls("/internal/brands/b/stores/s-1"))
                .singleElement()
                .satisfies(call -> assertThat(call.method()).isEqualTo("PUT"));
    }

    @Test
    void clubMemberFactCarriesTheMemberNumberAndOtherCallsDoNot() {
        OutboxEntry joined =
                OfferCall.withMemberNumber(OfferCall.fact("m", "b", "club-member", true, Instant.now()), 42);

        StepVerifier.create(client.deliver(joined)
                        .then(client.deliver(OfferCall.fact("m", "b", "club-member", false, Instant.now())))
                        .then(client.deliver(OfferCall.earn("k", "m", "b", "CLUB_JOIN", "x", Instant.now()))))
                .assertNext(delivery -> assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.ACKNOWLEDGED))
                .verifyComplete();

        var facts = stub.calls("/internal/facts");
        assertThat(facts.get(0).body().get("memberNumber").asLong()).isEqualTo(42);
        assertThat(facts.get(0).body().get("present").asBoolean()).isTrue();
        assertThat(facts.get(1).body().has("memberNumber")).isFalse();
        assertThat(stub.calls("/internal/points/earn").get(0).body().has("memberNumber"))
                .isFalse();
    }

    @Test
    void onlyAPresentFactCanCarryAMemberNumber() {
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        OfferCall.withMemberNumber(OfferCall.fact("m", "b", "club-member", false, Instant.now()), 1));
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        OfferCall.withMemberNumber(OfferCall.earn("k", "m", "b", "CLUB_JOIN", "x", Instant.now()), 1));
    }

    @Test
    void conflictAndOtherClientErrorsAreRejectedForGood() {
        stub.answerNext("key-409", 409);
        stub.answerNext("key-422", 422);

        StepVerifier.create(client.deliver(OfferCall.earn("key-409", "m", "b", "CLUB_JOIN", "x", Instant.now())))
                .assertNext(delivery -> {
                    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.REJECTED);
                    assertThat(delivery.detail()).contains("409");
                })
                .verifyComplete();
        StepVerifier.create(client.deliver(OfferCall.earn("key-422", "m", "b", "CLUB_JOIN", "x", Instant.now())))
                .assertNext(delivery -> assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.REJECTED))
                .verifyComplete();
    }

    @Test
    void missingEndpointIsRetriedLaterBecauseOfferServiceMayNotServeItYet() {
        stub.answerNext("key-404", 404);

        StepVerifier.create(client.deliver(OfferCall.earn("key-404", "m", "b", "CLUB_JOIN", "x", Instant.now())))
                .assertNext(delivery -> assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY))
                .verifyComplete();
    }

    @Test
    void refusedCredentialsAreRetriedLaterBecauseAnOperatorCanFixThem() {
        stub.answerNext("key-403", 403);
        stub.answerNext("key-401", 401);

        StepVerifier.create(client.deliver(OfferCall.earn("key-403", "m", "b", "CLUB_JOIN", "x", Instant.now())))
                .assertNext(delivery -> {
                    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY);
                    assertThat(delivery.detail()).contains("403");
                })
                .verifyComplete();
        StepVerifier.create(client.deliver(OfferCall.earn("key-401", "m", "b", "CLUB_JOIN", "x", Instant.now())))
                .assertNext(delivery -> assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY))
                .verifyComplete();
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedLaterNotHere() {
        stub.answerNext("key-503", 503);

        StepVerifier.create(client.deliver(OfferCall.earn("key-503", "m", "b", "CLUB_JOIN", "x", Instant.now())))
                .assertNext(delivery -> assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY))
                .verifyComplete();
        stub.delayAnswers(Duration.ofSeconds(2));
        StepVerifier.create(client.deliver(OfferCall.earn("key-slow", "m", "b", "CLUB_JOIN", "x", Instant.now())))
                .assertNext(delivery -> {
                    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRY);
                    assertThat(delivery.detail()).contains("in time");
                })
                .verifyComplete();

        assertThat(stub.earnKeys()).containsOnlyOnce("key-503").containsOnlyOnce("key-slow");
    }

    @Test
    void openCircuitAnswersRetryWithoutCallingOfferService() {
        stub.answerAlways(500);
        for (int i = 0; i < 4; i++) {
            client.deliver(OfferCall.earn("key-" + i, "m", "b", "CLUB_JOIN", "x", Instant.now()))
                    .block();
        }
        int callsBefore = stub.calls().size();

        StepVerifier.create(client.deliver(OfferCall.earn("key-open", "m", "b", "CLUB_JOIN", "x", Instant.now())))
                .assertNext(delivery -> assertThat(delivery.detail()).contains("circuit open"))
                .verifyComplete();
        assertThat(stub.calls()).hasSize(callsBefore);
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void tierIsReadOnceThenCached() {
        stub.tier("GOLD");

        StepVerifier.create(client.tier("m-1", "b"))
                .expectNext(Optional.of("GOLD"))
                .verifyComplete();
        stub.tier("PLATINUM");
        StepVerifier.create(client.tier("m-1", "b"))
                .expectNext(Optional.of("GOLD"))
                .verifyComplete();

        assertThat(stub.calls("/internal/points/members/m-1")).hasSize(1);
    }

    @Test
    void tierIsRetriedOnceAndDegradesToUnknown() {
        stub.answerNext("m-2", 500);
        StepVerifier.create(client.tier("m-2", "b"))
                .expectNext(Optional.of("SILVER"))
                .verifyComplete();

        stub.answerAlways(503);
        StepVerifier.create(client.tier("m-3", "b"))
                .expectNext(Optional.empty())
                .verifyComplete();
        stub.answerAlways(0);
        stub.delayAnswers(Duration.ofSeconds(2));
        StepVerifier.create(client.tier("m-4", "b"))
                .expectNext(Optional.empty())
                .expectComplete()
                .verify(Duration.ofSeconds(2));
    }
}
