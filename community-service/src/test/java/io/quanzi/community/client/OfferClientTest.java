package io.quanzi.community.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.support.StubServer;
import io.quanzi.community.support.StubServer.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

class OfferClientTest {

    private final StubServer offer = new StubServer();
    private final OfferClient client =
            new OfferClient(WebClient.create(offer.url()), new Downstream("offer-service", Duration.ofMillis(500)));

    @AfterEach
    void stop() {
        offer.close();
    }

    @Test
    void earnPostsTheContractBody() {
        offer.respond(request -> Response.of(201, "{\"duplicate\":false}"));

        StepVerifier.create(client.earn(new EarnRequest(
                        "checkin:e1:m1", "m1", "brand-1", EarnRequest.Activity.CHECK_IN, "checkin:e1:m1", 50)))
                .verifyComplete();

        assertThat(offer.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/internal/points/earn");
            assertThat(request.body())
                    .contains("\"idempotencyKey\":\"checkin:e1:m1\"")
                    .contains("\"memberId\":\"m1\"")
                    .contains("\"brandId\":\"brand-1\"")
                    .contains("\"activity\":\"CHECK_IN\"")
                    .contains("\"sourceRef\":\"checkin:e1:m1\"")
                    .contains("\"points\":50");
        });
    }

    @Test
    void earnWithoutPointsLeavesTheBrandRule() {
        offer.respond(request -> Response.of(200, "{\"duplicate\":true}"));

        StepVerifier.create(client.earn(
                        new EarnRequest("k", "m1", "brand-1", EarnRequest.Activity.FIRST_POST, "post:1", null)))
                .verifyComplete();

        assertThat(offer.requests().get(0).body()).doesNotContain("points");
    }

    @Test
    void conflictIsAPermanentFailureAndNotRetried() {
        offer.respond(request -> Response.of(409, "{\"type\":\"urn:quanzi:problem:conflict\"}"));

        StepVerifier.create(client.earn(earn()))
                .expectErrorSatisfies(
                        failure -> assertThat(failure).isInstanceOfSatisfying(DownstreamFailure.class, downstream -> {
                            assertThat(downstream.permanent()).isTrue();
                            assertThat(downstream.status()).isEqualTo(409);
                        }))
                .verify();
        assertThat(offer.requests()).hasSize(1);
    }

    @Test
    void missingEndpointOrRefusedCredentialsAreWorthRetryingLater() {
        for (int status : new int[] {401, 403, 404}) {
            offer.respond(request -> Response.status(status));

            StepVerifier.create(client.earn(earn()))
                    .expectErrorSatisfies(failure -> assertThat(failure)
                            .isInstanceOfSatisfying(DownstreamFailure.class, downstream -> {
                                assertThat(downstream.permanent())
                                        .as("status " + status)
                                        .isFalse();
                                assertThat(downstream.status()).isEqualTo(status);
                            }))
                    .verify();
        }
    }

    @Test
    void unavailableServiceIsATransientFailureAndEarnIsNotRetriedInline() {
        offer.respond(request -> Response.status(503));

        StepVerifier.create(client.earn(earn()))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(
                                DownstreamFailure.class,
                                downstream -> assertThat(downstream.permanent()).isFalse()))
                .verify();
        assertThat(offer.requests()).hasSize(1);
    }

    @Test
    void factPushIsIdempotentSoOneTransientFailureIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        offer.respond(request -> calls.incrementAndGet() == 1 ? Response.status(503) : Response.status(204));

        StepVerifier.create(client.pushFact("m1", "brand-1", "attended-event:e1", true))
                .verifyComplete();

        assertThat(offer.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/internal/facts");
            assertThat(request.body())
                    .contains("\"fact\":\"attended-event:e1\"")
                    .contains("\"present\":true");
        });
    }

    @Test
    void slowServiceHitsTheTimeLimit() {
        offer.respond(request -> new Response(201, "{}", Duration.ofSeconds(3)));

        StepVerifier.create(client.earn(earn()))
                .expectErrorSatisfies(
                        failure -> assertThat(failure).isInstanceOfSatisfying(DownstreamFailure.class, downstream -> {
                            assertThat(downstream.permanent()).isFalse();
                            assertThat(downstream.getMessage()).contains("did not answer in time");
                        }))
                .verify(Duration.ofSeconds(2));
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutCalling() {
        offer.respond(request -> Response.status(500));
        // The breaker's minimum number of calls in its window (10), all failing.
        for (int i = 0; i < 10; i++) {
            StepVerifier.create(client.earn(earn())).expectError().verify();
        }
        int callsBeforeOpen = offer.requests().size();

        StepVerifier.create(client.earn(earn()))
                .expectErrorSatisfies(
                        failure -> assertThat(failure.getMessage()).contains("circuit open"))
                .verify();
        assertThat(offer.requests()).hasSize(callsBeforeOpen);
    }

    private static EarnRequest earn() {
        return new EarnRequest("checkin:e1:m1", "m1", "brand-1", EarnRequest.Activity.CHECK_IN, "checkin:e1:m1", 10);
    }
}
