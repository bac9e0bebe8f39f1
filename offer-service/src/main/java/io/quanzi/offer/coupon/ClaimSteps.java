package io.quanzi.offer.coupon;

import io.quanzi.offer.offer.OfferStock;
import io.quanzi.offer.offer.OfferTerms;
import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The steps of a claim that both the request and the recovery job take. Each is a conditional
 * single-document update, safe to repeat: a state only moves from the state it was read in, a slot
 * or stock unit is given back only if the claim still holds it, the coupon is unique per claim and
 * the points ledger dedupes spends and refunds by key.
 */
@Component
class ClaimSteps {

    private static final int CODE_ATTEMPTS = 5;

    private final ReactiveMongoTemplate mongo;
    private final MemberSlots slots;
    private final OfferStock stock;
    private final ClaimPayments payments;
    private final CouponCodes codes;
    private final Clock clock;
    private final Duration lease;

    ClaimSteps(
            ReactiveMongoTemplate mongo,
            MemberSlots slots,
            OfferStock stock,
            ClaimPayments payments,
            CouponCodes codes,
            Clock clock,
            @Value("${quanzi.coupons.claim-lease:30s}") Duration lease) {
        this.mongo = mongo;
        this.slots = slots;
        this.stock = stock;
        this.payments = payments;
        this.codes = codes;
        this.clock = clock;
        this.lease = lease;
    }

    Duration lease() {
        return lease;
    }

    Mono<Claim> insert(Claim claim) {
        return mongo.insert(claim);
    }

    Mono<Claim> find(String memberId, String idempotencyKey) {
        return mongo.findOne(
                Query.query(Criteria.where("memberId")
                        .is(memberId)
                        .and("idempotencyKey")
                        .is(idempotencyKey)),
                Claim.class);
    }

    Mono<Claim> byId(String claimId) {
        return mongo.findById(claimId, Claim.class);
    }

    /** Moves the claim from {@code from} to {@code to}; empty if it is no longer in {@code from}. */
    Mono<Claim> move(Claim claim, ClaimState from, ClaimState to, Update extra) {
        Query inState =
                Query.query(Criteria.where("_id").is(claim.id()).and("state").is(from));
        Update update = extra.set("state", to).set("updatedAt", clock.instant());
        return mongo.findAndModify(
                inState, update, FindAndModifyOptions.options().returnNew(true), Claim.class);
    }

    /**
     * Takes over a claim whose lease ran out (its driver crashed or gave up); empty if someone else
     * holds it or it moved on.
     */
    Mono<Claim> takeOver(Claim claim) {
        Instant now = clock.instant();
        Query stale = Query.query(Criteria.where("_id")
                .is(claim.id())
                .and("state")
                .is(claim.state())
                .and("leaseUntil")
                .lt(now));
        return mongo.findAndModify(
                stale,
                new Update().set("leaseUntil", now.plus(lease)).set("updatedAt", now),
                FindAndModifyOptions.options().returnNew(true),
                Claim.class);
    }

    /**
     * Refuses a RESERVED claim: records why, gives back what it holds, and ends RELEASED. Emits the
     * claim as it ends, or empty when the claim had already moved on (then someone else drives it).
     */
    Mono<Claim> refuse(Claim claim, Problem reason) {
        return move(claim, ClaimState.RESERVED, ClaimState.FAILED, failure(reason))
                .flatMap(this::release)
                .switchIfEmpty(Mono.defer(() -> giveBackIfLost(claim)));
    }

    /**
     * {@link #refuse} for a RESERVED claim that has taken nothing yet (its member slot was refused): nothing to give
     * back, so one write ends it RELEASED. Empty when the claim had already moved on.
     */
    Mono<Claim> refuseBeforeTaking(Claim claim, Problem reason) {
        return move(claim, ClaimState.RESERVED, ClaimState.RELEASED, failure(reason))
                .switchIfEmpty(Mono.defer(() -> giveBackIfLost(claim)));
    }

    private static Update failure(Problem reason) {
        return new Update()
                .set("failureStatus", reason.getStatusCode().value())
                .set("failureType", reason.slug())
                .set("failureDetail", reason.getBody().getDetail());
    }

    /** Gives back the slot, the stock unit and the points of a FAILED claim, then marks it RELEASED. */
    Mono<Claim> release(Claim failed) {
        return giveBack(failed)
                .then(Mono.defer(() -> move(failed, ClaimState.FAILED, ClaimState.RELEASED, new Update())));
    }

    /**
     * For a driver that finds its claim was rolled back without it (it stalled past its lease and
     * the recovery job took over): gives back whatever it took after the rollback. Does nothing
     * to a claim that is still going or done.
     */
    Mono<Claim> giveBackIfLost(Claim claim) {
        return byId(claim.id())
                .filter(current -> current.state() == ClaimState.FAILED || current.state() == ClaimState.RELEASED)
                .flatMap(lost -> giveBack(lost).thenReturn(lost));
    }

    private Mono<Void> giveBack(Claim claim) {
        Mono<Void> refund = claim.paysPoints() ? payments.refund(claim) : Mono.empty();
        return slots.release(claim.offerId(), claim.memberId(), claim.id())
                .then(stock.giveBack(claim.offerId(), claim.id()))
                .then(refund);
    }

    /**
     * Issues the coupon of a PAID claim and marks it ISSUED. The coupon is unique per claim, so a
     * second attempt (a retry, the recovery job) finds the first coupon instead of making another.
     */
    Mono<Coupon> issue(Claim paid, OfferTerms offer) {
        return findCoupon(paid)
                .switchIfEmpty(Mono.defer(() -> insertCoupon(paid, offer, CODE_ATTEMPTS)))
                .flatMap(coupon -> move(
                                paid, ClaimState.PAID, ClaimState.ISSUED, new Update().set("couponId", coupon.id()))
                        .then(stock.settle(paid.offerId(), paid.id()))
                        .thenReturn(coupon));
    }

    /**
     * {@link #issue} for the request that just made the claim PAID: no coupon can exist yet unless another driver
     * raced it, and the unique claim id on coupons answers that case, so the look-up first is skipped. The stock unit
     * is settled in a batch soon after rather than by a round trip of this claim.
     */
    Mono<Coupon> issueFresh(Claim paid, OfferTerms offer) {
        return insertCoupon(paid, offer, CODE_ATTEMPTS).flatMap(coupon -> move(
                        paid, ClaimState.PAID, ClaimState.ISSUED, new Update().set("couponId", coupon.id()))
                .doOnNext(issued -> stock.settleSoon(paid.offerId(), paid.id()))
                .thenReturn(coupon));
    }

    private Mono<Coupon> findCoupon(Claim claim) {
        return mongo.findOne(Query.query(Criteria.where("claimId").is(claim.id())), Coupon.class);
    }

    private Mono<Coupon> insertCoupon(Claim paid, OfferTerms offer, int attemptsLeft) {
        Coupon coupon = new Coupon(
                null,
                codes.next(),
                paid.id(),
                paid.offerId(),
                paid.brandId(),
                paid.memberId(),
                offer.type(),
                offer.title(),
                CouponStatus.ACTIVE,
                clock.instant(),
                offer.validUntil(),
                null,
                null,
                null);
        return mongo.insert(coupon).onErrorResume(DuplicateKeyException.class, duplicate -> findCoupon(paid)
                .switchIfEmpty(Mono.defer(() -> attemptsLeft > 1
                        // Not this claim's coupon: the code collided with another coupon; draw again.
                        ? insertCoupon(paid, offer, attemptsLeft - 1)
                        : Mono.error(duplicate))));
    }

    Mono<Coupon> coupon(String couponId) {
        return mongo.findById(couponId, Coupon.class);
    }
}
