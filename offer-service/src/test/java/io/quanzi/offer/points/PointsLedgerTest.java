package io.quanzi.offer.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.support.OfferTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.ErrorResponseException;
import reactor.test.StepVerifier;

/** The public ledger API other features use: earn, spend, refund, reverse, idempotency. */
class PointsLedgerTest extends OfferTestSupport {

    @Autowired
    PointsLedger ledger;

    @Test
    void earnAddsTheBrandsDefaultPointsForTheActivity() {
        StepVerifier.create(ledger.earn(memberId, brand, Activity.CHECK_IN, null, "k1", "checkin:1", "svc"))
                .assertNext(result -> {
                    assertThat(result.points()).isEqualTo(50);
                    assertThat(result.balance()).isEqualTo(50);
                    assertThat(result.duplicate()).isFalse();
                })
                .verifyComplete();
        StepVerifier.create(ledger.balance(memberId, brand)).expectNext(50L).verifyComplete();
    }

    @Test
    void repeatedEarnReturnsTheFirstResultAndAddsNothing() {
        PointsResult first = ledger.earn(memberId, brand, Activity.CLUB_JOIN, null, "join", "club", "svc")
                .block();

        StepVerifier.create(ledger.earn(memberId, brand, Activity.CLUB_JOIN, null, "join", "club", "svc"))
                .assertNext(repeat -> {
                    assertThat(repeat.duplicate()).isTrue();
                    assertThat(repeat.entryId()).isEqualTo(first.entryId());
                    assertThat(repeat.balance()).isEqualTo(first.balance());
                })
                .verifyComplete();
        StepVerifier.create(ledger.balance(memberId, brand)).expectNext(20L).verifyComplete();
    }

    @Test
    void sameKeyWithADifferentBodyIsAConflict() {
        ledger.earn(memberId, brand, Activity.CLUB_JOIN, null, "k", "club", "svc")
                .block();

        StepVerifier.create(ledger.earn(memberId, brand, Activity.CHECK_IN, null, "k", "club", "svc"))
                .expectErrorSatisfies(failure -> assertProblem(failure, 409, PointsProblems.KEY_REUSED))
                .verify();
        StepVerifier.create(ledger.balance(memberId, brand)).expectNext(20L).verifyComplete();
    }

    @Test
    void spendTakesPointsAndRefundGivesThemBackOnce() {
        ledger.earn(memberId, brand, Activity.REFERRAL_REFERRER, null, "ref", "r", "svc")
                .block();

        StepVerifier.create(ledger.spend(memberId, brand, 80, "spend-1", "coupon:1"))
                .assertNext(spent -> {
                    assertThat(spent.points()).isEqualTo(-80);
                    assertThat(spent.balance()).isEqualTo(20);
                })
                .verifyComplete();
        StepVerifier.create(ledger.refund(memberId, brand, "spend-1", "refund-1"))
                .assertNext(refunded -> {
                    assertThat(refunded.points()).isEqualTo(80);
                    assertThat(refunded.balance()).isEqualTo(100);
                })
                .verifyComplete();
        StepVerifier.create(ledger.refund(memberId, brand, "spend-1", "refund-1"))
                .assertNext(repeat -> assertThat(repeat.duplicate()).isTrue())
                .verifyComplete();
        StepVerifier.create(ledger.refund(memberId, brand, "spend-1", "another-refund-key"))
                .expectErrorSatisfies(failure -> assertProblem(failure, 409, PointsProblems.ALREADY_REVERSED))
                .verify();
        StepVerifier.create(ledger.balance(memberId, brand)).expectNext(100L).verifyComplete();
    }

    @Test
    void spendBeyondTheBalanceIsRefusedAndChangesNothing() {
        ledger.earn(memberId, brand, Activity.CHECK_IN, null, "c", "c", "svc").block();

        StepVerifier.create(ledger.spend(memberId, brand, 51, "too-much", "coupon:2"))
                .expectErrorSatisfies(failure -> assertProblem(failure, 409, PointsProblems.INSUFFICIENT_POINTS))
                .verify();
        StepVerifier.create(ledger.spend(memberId, brand, 51, "too-much", "coupon:2"))
                .as("a repeat of a refused spend is refused the same way, even if points arrived since")
                .expectErrorSatisfies(failure -> assertProblem(failure, 409, PointsProblems.INSUFFICIENT_POINTS))
                .verify();
        StepVerifier.create(ledger.balance(memberId, brand)).expectNext(50L).verifyComplete();
    }

    @Test
    void refundOfAnotherMembersSpendIsNotFound() {
        ledger.earn(memberId, brand, Activity.CHECK_IN, null, "c", "c", "svc").block();
        ledger.spend(memberId, brand, 10, "s", "coupon:3").block();

        StepVerifier.create(ledger.refund("someone-else", brand, "s", "r"))
                .expectErrorSatisfies(failure -> assertProblem(failure, 404, "not-found"))
                .verify();
        StepVerifier.create(ledger.balance(memberId, brand)).expectNext(40L).verifyComplete();
    }

    @Test
    void balanceEqualsTheSumOfAppliedEntries() {
        ledger.earn(memberId, brand, Activity.CHECK_IN, null, "a", "a", "svc").block();
        ledger.earn(memberId, brand, Activity.FIRST_POST, null, "b", "b", "svc").block();
        ledger.spend(memberId, brand, 30, "s", "x").block();
        ledger.spend(memberId, brand, 300, "too-much", "x")
                .onErrorResume(refused -> reactor.core.publisher.Mono.empty())
                .block();

        List<PointsEntry> entries = mongo.find(
                        Query.query(Criteria.where("memberId")
                                .is(memberId)
                                .and("brandId")
                                .is(brand)),
                        PointsEntry.class)
                .collectList()
                .block();
        long applied = entries.stream()
                .filter(entry -> entry.state() == EntryState.APPLIED)
                .mapToLong(PointsEntry::points)
                .sum();
        assertThat(applied).isEqualTo(30);
        assertThat(entries).anyMatch(entry -> entry.state() == EntryState.REJECTED);
        StepVerifier.create(ledger.balance(memberId, brand)).expectNext(30L).verifyComplete();
    }

    static void assertProblem(Throwable failure, int status, String slug) {
        assertThat(failure).isInstanceOf(ErrorResponseException.class);
        ErrorResponseException problem = (ErrorResponseException) failure;
        assertThat(problem.getStatusCode().value()).isEqualTo(status);
        assertThat(problem.getBody().getType()).hasToString("urn:quanzi:problem:" + slug);
    }
}
