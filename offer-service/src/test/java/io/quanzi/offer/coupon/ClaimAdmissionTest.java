package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import io.quanzi.offer.offer.OfferStock;
import io.quanzi.platform.problem.Problem;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Admission of claims (one writing at a time here, two waiting, three seconds at most): a claim that cannot start is
 * answered 503 busy having written nothing, waiting claims start first come first served, refusals that reads decide
 * do not wait, and a claim whose caller goes away once it has started still finishes.
 */
class ClaimAdmissionTest extends ClaimLoadTest {

    @Autowired
    Claims claims;

    @Autowired
    ClaimAdmission admission;

    @Autowired
    InjectedCrashes crashes;

    @Autowired
    ClaimSteps steps;

    @Autowired
    OfferStock stock;

    @AfterEach
    void releaseEverything() {
        crashes.clear();
        awaitUntil("no claim left writing", () -> admission.gate().running() == 0);
    }

    private String offerWithStock(int total) {
        Map<String, Object> body = offerBody();
        body.put("totalStock", total);
        return createOffer(body);
    }

    private CompletableFuture<Claims.Result> claimInBackground(String member, String offerId, String key) {
        return claims.claim(member, offerId, key).toFuture();
    }

    /** One claim writing and held after taking its stock unit, two more waiting behind it. */
    private void fillTheGate(String offerId) {
        crashes.holdAfter(Step.STOCK_TAKEN);
        claimInBackground(newMemberId(), offerId, newKey());
        awaitUntil("a claim held while writing", () -> crashes.holding() == 1);
        claimInBackground(newMemberId(), offerId, newKey());
        claimInBackground(newMemberId(), offerId, newKey());
        awaitUntil("two claims waiting", () -> admission.gate().queued() == 2);
    }

    @Test
    void aClaimFindingTheQueueFullIsAnsweredBusyAtOnceAndWritesNothing() {
        String offerId = offerWithStock(10);
        fillTheGate(offerId);
        String member = newMemberId();
        String key = newKey();

        claim(member, offerId, key)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:busy");

        assertThat(steps.find(member, key).block()).as("no claim record").isNull();
        assertThat(slotCount(offerId, member)).as("no member slot").isZero();
        assertThat(stock.remaining(offerId).block())
                .as("only the writing claim holds a unit")
                .isEqualTo(9);

        crashes.releaseHeld();
        awaitUntil("the three admitted claims issued", () -> issued(offerId) == 3);
        // Nothing was written, so the same request may simply be sent again.
        idOf(claim(member, offerId, key));
        assertThat(issued(offerId)).isEqualTo(4);
        assertThat(stock.remaining(offerId).block()).isEqualTo(6);
    }

    @Test
    void aClaimThatCannotStartWithinTheWaitIsAnsweredBusyAndWritesNothing() throws Exception {
        String offerId = offerWithStock(10);
        crashes.holdAfter(Step.STOCK_TAKEN);
        CompletableFuture<Claims.Result> writing = claimInBackground(newMemberId(), offerId, newKey());
        awaitUntil("a claim held while writing", () -> crashes.holding() == 1);
        String member = newMemberId();
        String key = newKey();

        CompletableFuture<Claims.Result> waiting = claimInBackground(member, offerId, key);

        assertThat(refusal(waiting).slug()).isEqualTo("busy");
        assertThat(refusal(waiting).getStatusCode().value()).isEqualTo(503);
        assertThat(steps.find(member, key).block()).as("no claim record").isNull();
        assertThat(slotCount(offerId, member)).isZero();
        assertThat(admission.gate().queued()).isZero();

        crashes.releaseHeld();
        assertThat(writing.get(10, TimeUnit.SECONDS).created()).isTrue();
    }

    @Test
    void waitingClaimsStartInTheOrderTheyArrived() throws Exception {
        String offerId = offerWithStock(2);
        crashes.holdAfter(Step.STOCK_TAKEN);
        CompletableFuture<Claims.Result> writing = claimInBackground(newMemberId(), offerId, newKey());
        awaitUntil("a claim held while writing", () -> crashes.holding() == 1);
        CompletableFuture<Claims.Result> earlier = claimInBackground(newMemberId(), offerId, newKey());
        awaitUntil("one claim waiting", () -> admission.gate().queued() == 1);
        CompletableFuture<Claims.Result> later = claimInBackground(newMemberId(), offerId, newKey());
        awaitUntil("two claims waiting", () -> admission.gate().queued() == 2);

        crashes.releaseHeld();

        assertThat(writing.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(earlier.get(10, TimeUnit.SECONDS).created())
                .as("the earlier waiter gets the last unit")
                .isTrue();
        assertThat(refusal(later).slug()).isEqualTo("sold-out");
    }

    @Test
    void refusalsThatReadsDecideDoNotWaitBehindTheWrites() {
        String offerId = offerWithStock(10);
        String holder = newMemberId();
        claimCoupon(holder, offerId);
        fillTheGate(offerId);

        expectProblem(claim(holder, offerId, newKey()), 409, "limit-reached");
        web.mutateWith(io.quanzi.offer.support.Tokens.brandAdmin("admin-a", BRAND))
                .post()
                .uri("/api/offers/{id}/pause", offerId)
                .exchange()
                .expectStatus()
                .isOk();
        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "offer-paused");
    }

    @Test
    void aMembersSecondTapWaitsForTheirFirstClaimInsteadOfTheQueueAndIsRefusedOnReads() throws Exception {
        String offerId = offerWithStock(10);
        crashes.holdAfter(Step.STOCK_TAKEN);
        claimInBackground(newMemberId(), offerId, newKey());
        awaitUntil("another member's claim held while writing", () -> crashes.holding() == 1);
        String member = newMemberId();
        CompletableFuture<Claims.Result> first = claimInBackground(member, offerId, newKey());
        awaitUntil("the member's first claim waiting", () -> admission.gate().queued() == 1);
        String secondKey = newKey();

        CompletableFuture<Claims.Result> second = claimInBackground(member, offerId, secondKey);
        Thread.sleep(300);
        assertThat(admission.gate().queued()).as("the second tap took no place").isEqualTo(1);
        assertThat(second).isNotDone();

        crashes.releaseHeld();
        assertThat(first.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(refusal(second).slug()).isEqualTo("limit-reached");
        assertThat(steps.find(member, secondKey).block())
                .as("refused on reads: no claim record")
                .isNull();
    }

    @Test
    void aClaimWhoseCallerGoesAwayAfterItStartedWritingStillFinishes() throws Exception {
        String offerId = offerWithStock(10);
        String member = newMemberId();
        String key = newKey();
        crashes.holdAfter(Step.STOCK_TAKEN);
        CompletableFuture<Claims.Result> caller = claimInBackground(member, offerId, key);
        awaitUntil("the claim held while writing", () -> crashes.holding() == 1);

        caller.cancel(true); // the client went away, or the gateway's time limit cut the request off
        crashes.releaseHeld();

        awaitUntil("the claim issued", () -> steps.find(member, key).block().state() == ClaimState.ISSUED);
        Claim claim = steps.find(member, key).block();
        assertThat(issued(offerId)).isEqualTo(1);
        assertThat(slotCount(offerId, member)).isEqualTo(1);
        assertThat(stock.remaining(offerId).block()).isEqualTo(9);
        // A repeat of the request answers with the coupon the claim issued.
        claim(member, offerId, key)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(claim.couponId());
    }

    private long issued(String offerId) {
        return mongo.count(Query.query(Criteria.where("offerId").is(offerId)), Coupon.class)
                .block();
    }

    private int slotCount(String offerId, String member) {
        return mongo.findById(MemberSlots.slotId(offerId, member), MemberSlot.class)
                .map(MemberSlot::count)
                .defaultIfEmpty(0)
                .block();
    }

    private static Problem refusal(CompletableFuture<?> outcome) {
        try {
            outcome.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Problem problem) {
                return problem;
            }
            throw new AssertionError("not a problem", failed.getCause());
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        return fail("expected a refusal, got " + outcome.join());
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
