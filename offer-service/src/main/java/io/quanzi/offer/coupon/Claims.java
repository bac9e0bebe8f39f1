package io.quanzi.offer.coupon;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import io.quanzi.offer.offer.OfferStatus;
import io.quanzi.offer.offer.OfferStock;
import io.quanzi.offer.offer.OfferTerms;
import io.quanzi.offer.offer.Offers;
import io.quanzi.platform.load.AdmissionGate;
import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/**
 * Claims an offer for a member, without transactions. The claim record comes first (unique per
 * member and idempotency key), then each step is one conditional single-document update: take a
 * member slot ({@code count < limit}), take a stock unit from a bucket ({@code remaining > 0}), spend
 * the points price (idempotent by the claim's key), mark PAID, issue the coupon (unique per claim),
 * mark ISSUED. A refusal half-way gives back what was taken; a crash half-way leaves the claim for
 * {@link ClaimRecovery}. Once an offer is known sold out, claims are refused before any write.
 *
 * <p>Under load ({@link ClaimAdmission}): refusals that reads decide come first and never wait; then a few claims
 * write at once, the others wait their turn, and one that cannot start in time is answered 503 {@code busy} having
 * written nothing. A claim that started writing runs to its end even if its caller goes away. A fresh claim of a free
 * offer whose terms are cached costs one read (the member's slot) and six writes (claim, slot, stock unit, PAID,
 * coupon, ISSUED); its unit is settled in its bucket in a later batch.
 */
@Service
class Claims {

    private static final Logger log = LoggerFactory.getLogger(Claims.class);

    private final Offers offers;
    private final OfferStock stock;
    private final MemberSlots slots;
    private final ClaimPayments payments;
    private final ClaimSteps steps;
    private final ClaimRecovery recovery;
    private final ClaimCheckpoint checkpoint;
    private final AdmissionGate admission;
    private final Duration turnWait;
    private final Clock clock;
    /** Per (offer, member): when the claim this instance runs for them ends. */
    private final ConcurrentHashMap<String, Mono<Void>> turns = new ConcurrentHashMap<>();

    Claims(
            Offers offers,
            OfferStock stock,
            MemberSlots slots,
            ClaimPayments payments,
            ClaimSteps steps,
            ClaimRecovery recovery,
            ObjectProvider<ClaimCheckpoint> checkpoint,
            ClaimAdmission admission,
            Clock clock) {
        this.offers = offers;
        this.stock = stock;
        this.slots = slots;
        this.payments = payments;
        this.steps = steps;
        this.recovery = recovery;
        this.checkpoint = checkpoint.getIfAvailable(() -> ClaimCheckpoint.NONE);
        this.admission = admission.gate();
        this.turnWait = admission.maxWait();
        this.clock = clock;
    }

    /** The coupon the claim issued, and whether this call issued it (false on a repeat). */
    record Result(CouponView coupon, boolean created) {}

    Mono<Result> claim(String memberId, String offerId, String idempotencyKey) {
        // A member's second tap waits here for their first claim of the offer to end, then is usually refused by
        // the limit on one read, instead of taking a place among the writing claims.
        return Mono.defer(() -> {
            Turn turn = new Turn(MemberSlots.slotId(offerId, memberId), System.nanoTime());
            Mono<Void> previous = turns.put(turn.key, turn.ended);
            Mono<Void> afterPrevious = previous == null
                    ? Mono.empty()
                    : previous.timeout(turnWait).onErrorResume(TimeoutException.class, late -> Mono.empty());
            return afterPrevious
                    .then(Mono.defer(() -> claimNow(memberId, offerId, idempotencyKey, turn)))
                    // A claim that started writing ends its turn itself, when its writes end.
                    .doFinally(signal -> {
                        if (signal != SignalType.CANCEL || !turn.writing) {
                            turn.end();
                        }
                    });
        });
    }

    private Mono<Result> claimNow(String memberId, String offerId, String idempotencyKey, Turn turn) {
        // The usual claim is a new one: no look-up of the key first. The unique (member, key) index answers a
        // repeat (the insert fails and the first claim's outcome is returned), and a refusal before any write
        // still checks the key, so a repeated request answers as its first claim did.
        // Refusals that reads decide (the offer's state, eligibility, a member at the limit) come before admission,
        // so they never wait behind the writes of other claims. Only a claim that is going to write waits for one of
        // the gate's places; once it starts writing it runs to its end even if the caller goes away.
        return offers.claimTerms(offerId)
                .flatMap(offer -> claimable(offer, memberId).thenReturn(offer))
                .onErrorMap(Claims::isRefusal, NotClaimable::new)
                .flatMap(offer -> admission
                        .admit(
                                Mono.defer(() -> {
                                            turn.writing = true;
                                            return fresh(memberId, offer, idempotencyKey);
                                        })
                                        .doFinally(signal -> turn.end()),
                                turn.waitLeft())
                        .onErrorMap(AdmissionGate.AdmissionRefused.class, Claims::busy))
                .onErrorResume(NotClaimable.class, refused -> steps.find(memberId, idempotencyKey)
                        .flatMap(existing -> repeat(existing, offerId))
                        .switchIfEmpty(Mono.error(refused.getCause())));
    }

    /** This instance's claim of one member for one offer, from its arrival to the end of its writes. */
    private final class Turn {

        final String key;
        final Sinks.Empty<Void> end = Sinks.empty();
        final Mono<Void> ended = end.asMono();
        final AtomicBoolean over = new AtomicBoolean();
        final long arrivedNanos;
        volatile boolean writing;

        Turn(String key, long arrivedNanos) {
            this.key = key;
            this.arrivedNanos = arrivedNanos;
        }

        /** What is left of the wait budget after waiting for the member's claim before this one. */
        Duration waitLeft() {
            return turnWait.minusNanos(System.nanoTime() - arrivedNanos);
        }

        void end() {
            if (over.compareAndSet(false, true)) {
                turns.remove(key, ended);
                end.tryEmitEmpty();
            }
        }
    }

    private Mono<Result> fresh(String memberId, OfferTerms offer, String idempotencyKey) {
        return steps.insert(newClaim(memberId, offer, idempotencyKey))
                .flatMap(claim -> drive(claim, offer))
                // Only the insert can raise this (drive turns its own failures into problems): the key was used
                // before, or sent twice at once and the other request made the claim.
                .onErrorResume(DuplicateKeyException.class, raced -> steps.find(memberId, idempotencyKey)
                        .flatMap(existing -> repeat(existing, offer.id())));
    }

    /** A refusal decided before anything was written (the offer's state, eligibility, a full member limit). */
    private static final class NotClaimable extends RuntimeException {
        NotClaimable(Throwable refusal) {
            super(refusal.getMessage(), refusal, false, false);
        }
    }

    private Claim newClaim(String memberId, OfferTerms offer, String idempotencyKey) {
        Instant now = clock.instant();
        return new Claim(
                null,
                memberId,
                idempotencyKey,
                offer.id(),
                offer.brandId(),
                offer.pointsPrice(),
                ClaimState.RESERVED,
                null,
                0,
                null,
                null,
                now,
                now,
                now.plus(steps.lease()));
    }

    /** Validity, status, the sold-out flag and eligibility: all checked before anything is written. */
    private Mono<Void> claimable(OfferTerms offer, String memberId) {
        Instant now = clock.instant();
        if (offer.status() == OfferStatus.PAUSED) {
            return Mono.error(
                    Problem.of(HttpStatus.CONFLICT, "offer-paused", "\"" + offer.title() + "\" is paused for now."));
        }
        if (offer.status() == OfferStatus.CLOSED) {
            return Mono.error(Problem.of(HttpStatus.CONFLICT, "offer-closed", "\"" + offer.title() + "\" is closed."));
        }
        if (now.isBefore(offer.validFrom())) {
            return Mono.error(Problem.of(
                    HttpStatus.CONFLICT,
                    "offer-not-started",
                    "\"" + offer.title() + "\" can be claimed from " + offer.validFrom() + "."));
        }
        if (!now.isBefore(offer.validUntil())) {
            return Mono.error(Problem.of(
                    HttpStatus.CONFLICT,
                    "offer-ended",
                    "\"" + offer.title() + "\" ended at " + offer.validUntil() + "."));
        }
        if (offer.soldOut()) {
            return Mono.error(soldOut(offer));
        }
        // A member already at the limit (a second tap in a drop) is refused on one read, before any write; the
        // conditional upsert of the slot still decides for everyone else.
        return slots.count(offer.id(), memberId)
                .flatMap(held -> held >= offer.perMemberLimit() ? Mono.error(limitReached(offer)) : Mono.empty())
                .then(offers.isEligible(offer, memberId))
                .flatMap(eligible -> eligible
                        ? Mono.empty()
                        : Mono.error(Problem.of(
                                HttpStatus.FORBIDDEN,
                                "not-eligible",
                                "You are not eligible for \"" + offer.title() + "\": it is for " + describe(offer)
                                        + ".")));
    }

    private static String describe(OfferTerms offer) {
        StringBuilder who = new StringBuilder();
        if (!offer.eligibility().tiers().isEmpty()) {
            who.append("tiers ").append(String.join(", ", offer.eligibility().tiers()));
        }
        if (!offer.eligibility().facts().isEmpty()) {
            who.append(who.isEmpty() ? "" : " and ")
                    .append("members with ")
                    .append(String.join(", ", offer.eligibility().facts()));
        }
        return who.toString();
    }

    private Mono<Result> drive(Claim claim, OfferTerms offer) {
        return slots.take(offer.id(), claim.memberId(), offer.perMemberLimit(), claim.id())
                .flatMap(gotSlot -> gotSlot
                        ? checkpoint
                                .reached(Step.SLOT_TAKEN, claim.id())
                                .then(Mono.defer(() -> takeStock(claim, offer)))
                        : steps.refuseBeforeTaking(claim, limitReached(offer))
                                .then(Mono.<Result>error(limitReached(offer))))
                // A refusal (4xx) was already handled; anything else leaves the claim to the recovery job.
                .onErrorMap(failure -> !isRefusal(failure), failure -> incomplete(claim, failure));
    }

    private Mono<Result> takeStock(Claim claim, OfferTerms offer) {
        return stock.take(offer.id(), offer.stockBuckets(), claim.id())
                .flatMap(bucket ->
                        checkpoint.reached(Step.STOCK_TAKEN, claim.id()).then(Mono.defer(() -> pay(claim, offer))))
                .switchIfEmpty(Mono.defer(() -> stock.markSoldOut(offer.id()).then(refuse(claim, soldOut(offer)))));
    }

    private Mono<Result> pay(Claim claim, OfferTerms offer) {
        Mono<Void> spend = claim.paysPoints()
                ? payments.spend(claim)
                        // The ledger refused (not enough points...): refuse the claim with its reason.
                        .onErrorResume(Claims::isRefusal, refusal -> refuse(claim, asProblem((ErrorResponse) refusal))
                                .then())
                        .then(Mono.defer(() -> checkpoint.reached(Step.POINTS_SPENT, claim.id())))
                : Mono.empty();
        return spend.then(Mono.defer(() -> steps.move(claim, ClaimState.RESERVED, ClaimState.PAID, new Update())))
                .flatMap(paid -> checkpoint.reached(Step.PAID, claim.id()).then(steps.issueFresh(paid, offer)))
                .map(coupon -> new Result(CouponView.of(coupon, clock.instant()), true))
                // The recovery job rolled the claim back while this request stalled: give back what we
                // took since (slot, unit, points), then answer as the claim ended.
                .switchIfEmpty(Mono.defer(() -> steps.giveBackIfLost(claim)
                        .then(Mono.defer(() -> steps.byId(claim.id())))
                        .flatMap(this::answer)));
    }

    private static boolean isRefusal(Throwable failure) {
        return failure instanceof ErrorResponse response
                && response.getStatusCode().is4xxClientError();
    }

    /** Records the refusal on the claim, gives back what it took, and answers with the refusal. */
    private Mono<Result> refuse(Claim claim, Problem reason) {
        return steps.refuse(claim, reason).then(Mono.error(reason));
    }

    private Mono<Result> repeat(Claim claim, String offerId) {
        if (!claim.offerId().equals(offerId)) {
            return Mono.error(Problem.of(
                    HttpStatus.CONFLICT,
                    "idempotency-key-reused",
                    "This Idempotency-Key was already used to claim another offer; use a new key."));
        }
        if (claim.state() != ClaimState.RESERVED && claim.state() != ClaimState.PAID) {
            // Finished, or failed and giving back what it held: the outcome is known.
            return answer(claim);
        }
        if (claim.leaseUntil().isBefore(clock.instant())) {
            // Its driver is gone: finish or roll it back now rather than wait for the job.
            return recovery.recover(claim)
                    .then(Mono.defer(() -> steps.byId(claim.id())))
                    .flatMap(this::answer);
        }
        return Mono.error(Problem.of(
                HttpStatus.CONFLICT,
                "claim-in-progress",
                "This claim is still being processed; repeat the request with the same Idempotency-Key shortly."));
    }

    /** The answer a finished claim gives every time it is asked. */
    private Mono<Result> answer(Claim claim) {
        return switch (claim.state()) {
            case ISSUED ->
                steps.coupon(claim.couponId()).map(coupon -> new Result(CouponView.of(coupon, clock.instant()), false));
            case RELEASED, FAILED ->
                Mono.error(Problem.of(
                        HttpStatusCode.valueOf(claim.failureStatus() == 0 ? 409 : claim.failureStatus()),
                        claim.failureType() == null ? "claim-abandoned" : claim.failureType(),
                        claim.failureDetail() == null ? ClaimRecovery.ABANDONED : claim.failureDetail()));
            case RESERVED, PAID ->
                Mono.error(
                        Problem.of(
                                HttpStatus.CONFLICT,
                                "claim-in-progress",
                                "This claim is still being processed; repeat the request with the same Idempotency-Key shortly."));
        };
    }

    private static Problem limitReached(OfferTerms offer) {
        return Problem.of(
                HttpStatus.CONFLICT,
                "limit-reached",
                "You already hold the most coupons of \"" + offer.title() + "\" a member may claim ("
                        + offer.perMemberLimit() + ").");
    }

    private static Problem soldOut(OfferTerms offer) {
        Problem soldOut = Problem.conflict("sold-out", "\"" + offer.title() + "\" is sold out.");
        return Problem.of(soldOut.getStatusCode(), "sold-out", soldOut.getBody().getDetail());
    }

    private static Problem asProblem(ErrorResponse response) {
        if (response instanceof Problem problem) {
            return problem;
        }
        String type = String.valueOf(response.getBody().getType());
        String slug = type.substring(type.lastIndexOf(':') + 1);
        return Problem.of(response.getStatusCode(), slug, response.getBody().getDetail());
    }

    /** Too many claims at once: nothing was written, so the same request may simply be sent again. */
    private static Problem busy(AdmissionGate.AdmissionRefused refused) {
        return Problem.busy(
                "Too many claims are being processed right now; nothing was claimed. Try again in a moment (the same"
                        + " Idempotency-Key may be reused).");
    }

    private static Problem incomplete(Claim claim, Throwable failure) {
        log.warn("Claim {} stopped half-way; the recovery job will finish or roll it back", claim.id(), failure);
        return Problem.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "claim-incomplete",
                "The claim could not be completed right now. It will be finished or rolled back automatically"
                        + " within a minute; repeat the request with the same Idempotency-Key to see the result.");
    }
}
