package io.quanzi.offer.points;

import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.rules.EarningRules;
import io.quanzi.offer.rules.PointsRules;
import io.quanzi.offer.tier.TierSnapshot;
import io.quanzi.offer.tier.Tiers;
import io.quanzi.platform.problem.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The points wallet's write API, for this service's controllers and for other features of
 * offer-service (points-priced rewards spend and refund through it).
 *
 * <p>Every write carries an idempotency key, unique per brand and operation: a repeat (same key,
 * same request) returns the first result with {@code duplicate = true}, the same key with another
 * request fails with a 409 {@code idempotency-key-reused} problem. Refusals are
 * {@link org.springframework.web.ErrorResponseException}s whose problem types are listed in
 * {@link PointsProblems}. Nothing here blocks; every method is safe to retry.
 */
@Component
public class PointsLedger {

    private final LedgerSteps steps;
    private final EarningRules rules;
    private final Tiers tiers;
    private final TierQualification qualification;
    private final Clock clock;

    PointsLedger(LedgerSteps steps, EarningRules rules, Tiers tiers, TierQualification qualification, Clock clock) {
        this.steps = steps;
        this.rules = rules;
        this.tiers = tiers;
        this.qualification = qualification;
        this.clock = clock;
    }

    /**
     * Spends points on a reward. Fails with 409 {@code insufficient-points} (and changes nothing)
     * when the balance does not cover it; a repeat of a refused spend is refused the same way.
     *
     * @param points a positive number of points
     * @param sourceRef what the points paid for (e.g. {@code coupon:123}), kept in the entry
     */
    public Mono<PointsResult> spend(
            String memberId, String brandId, long points, String idempotencyKey, String sourceRef) {
        if (points <= 0) {
            return Mono.error(
                    Problem.of(HttpStatus.BAD_REQUEST, "bad-request", "A spend needs a positive number of points."));
        }
        return execute(spendOperation(memberId, brandId, points, idempotencyKey, sourceRef));
    }

    /**
     * Gives back the points of an applied spend, once: a second refund of the same spend under
     * another key fails with 409 {@code already-reversed}; 404 if no such spend of this member.
     * The points come back as a new batch that expires like a fresh earning.
     */
    public Mono<PointsResult> refund(
            String memberId, String brandId, String spendIdempotencyKey, String idempotencyKey) {
        return execute(refundOperation(memberId, brandId, spendIdempotencyKey, idempotencyKey));
    }

    /**
     * Awards points for a community activity: the brand's points for it (or {@code points} when
     * given), times the member's tier multiplier, rounded down; the batch expires after the
     * brand's expiry months.
     */
    public Mono<PointsResult> earn(
            String memberId,
            String brandId,
            Activity activity,
            Long points,
            String idempotencyKey,
            String sourceRef,
            String actor) {
        return execute(earnOperation(memberId, brandId, activity, points, idempotencyKey, sourceRef, actor));
    }

    /**
     * Awards the points of an in-store purchase: amount × the brand's points per currency unit,
     * times the tier multiplier, rounded down. Idempotent per purchase id.
     */
    public Mono<PointsResult> earnForPurchase(
            String memberId, String brandId, BigDecimal amount, String purchaseId, String actor) {
        String fingerprint =
                Fingerprint.of("purchase", memberId, brandId, amount.setScale(2).toPlainString());
        String key = "purchase:" + purchaseId;
        return execute(Operation.insertingFirst(brandId, key, purchaseId, fingerprint, () -> rules.forBrand(brandId)
                .flatMap(brandRules -> earning(
                                brandRules,
                                memberId,
                                amount.multiply(brandRules.pointsPerCurrencyUnit())
                                        .setScale(0, RoundingMode.DOWN)
                                        .longValueExact())
                        .map(earning -> earning.drafted(builder -> builder.key(key, purchaseId, fingerprint)
                                .describe("PURCHASE", null, "purchase:" + purchaseId, actor))))));
    }

    /**
     * Takes back the whole earning made with idempotency key {@code reversesKey} (a clawback);
     * the balance may go negative and later earnings pay it back.
     */
    public Mono<PointsResult> reverse(
            String memberId, String brandId, String reversesKey, String idempotencyKey, String reason, String actor) {
        String fingerprint = Fingerprint.of("reverse", memberId, brandId, reversesKey, reason);
        return execute(reversal(
                memberId,
                brandId,
                "earn:" + reversesKey,
                "reverse:" + idempotencyKey,
                idempotencyKey,
                fingerprint,
                reason,
                actor));
    }

    /** Takes back the points of a refunded purchase, once. */
    public Mono<PointsResult> reversePurchase(String memberId, String brandId, String purchaseId, String actor) {
        String fingerprint = Fingerprint.of("purchase-refund", memberId, brandId, purchaseId);
        return execute(reversal(
                memberId,
                brandId,
                "purchase:" + purchaseId,
                "purchase-refund:" + purchaseId,
                purchaseId,
                fingerprint,
                "purchase refunded",
                actor));
    }

    /** The member's balance at the brand; 0 without an account. */
    public Mono<Long> balance(String memberId, String brandId) {
        return steps.account(PointsAccount.idOf(brandId, memberId))
                .map(PointsAccount::balance)
                .defaultIfEmpty(0L);
    }

    /**
     * A brand admin's manual correction (audited: who, when and why stay in the entry). A
     * deduction cannot take the balance below zero (409 {@code insufficient-points}); added points
     * expire like earned ones but do not count towards tiers.
     */
    Mono<PointsResult> adjust(
            String memberId, String brandId, long points, String reason, String idempotencyKey, String actor) {
        String fingerprint = Fingerprint.of("adjust", memberId, brandId, points, reason);
        String key = "adjust:" + idempotencyKey;
        return execute(Operation.insertingFirst(brandId, key, idempotencyKey, fingerprint, () -> rules.forBrand(brandId)
                .map(brandRules -> {
                    Instant now = clock.instant();
                    PointsEntry.Builder builder = PointsEntry.builder(EntryType.ADJUST, brandId, memberId)
                            .key(key, idempotencyKey, fingerprint)
                            .describe(null, reason, null, actor)
                            .at(now);
                    return new Drafted(
                            (points > 0
                                            ? builder.earning(points, "1", points, expiry(brandRules, now), false)
                                            : builder.consuming(-points))
                                    .build(),
                            null);
                })));
    }

    /**
     * One write: the entry's key and request fingerprint, and how to draft the entry when the key
     * is new. Package-private so tests can run the steps one by one, as a crash would leave them.
     *
     * @param insertFirst the draft reads nothing but the brand's rules and the member's tier and cannot fail, so it
     *     is drafted and inserted at once and the unique key index answers a repeat; otherwise (reversals and refunds,
     *     whose draft reads and finishes their target and may refuse) the key is looked up first, so a repeat or a
     *     reused key is answered before the target is touched
     */
    record Operation(
            String brandId,
            String key,
            String clientKey,
            String fingerprint,
            Supplier<Mono<Drafted>> drafted,
            boolean insertFirst) {

        static Operation insertingFirst(
                String brandId, String key, String clientKey, String fingerprint, Supplier<Mono<Drafted>> drafted) {
            return new Operation(brandId, key, clientKey, fingerprint, drafted, true);
        }

        static Operation lookingUpFirst(
                String brandId, String key, String clientKey, String fingerprint, Supplier<Mono<PointsEntry>> draft) {
            return new Operation(
                    brandId,
                    key,
                    clientKey,
                    fingerprint,
                    () -> draft.get().map(entry -> new Drafted(entry, null)),
                    false);
        }

        /** The new entry, without what was read to draft it. */
        Supplier<Mono<PointsEntry>> draft() {
            return () -> drafted.get().map(Drafted::entry);
        }
    }

    /** A drafted entry and, for earnings, the member's tier as read for its multiplier. */
    record Drafted(PointsEntry entry, TierSnapshot tierAsRead) {}

    /** An earning's entry so far and the tier whose multiplier it took. */
    private record Earning(PointsEntry.Builder builder, TierSnapshot tierAsRead) {

        Drafted drafted(UnaryOperator<PointsEntry.Builder> completion) {
            return new Drafted(completion.apply(builder).build(), tierAsRead);
        }
    }

    Operation spendOperation(String memberId, String brandId, long points, String idempotencyKey, String sourceRef) {
        String fingerprint = Fingerprint.of("spend", memberId, brandId, points, sourceRef);
        String key = "spend:" + idempotencyKey;
        return Operation.insertingFirst(
                brandId,
                key,
                idempotencyKey,
                fingerprint,
                () -> Mono.just(new Drafted(
                        PointsEntry.builder(EntryType.SPEND, brandId, memberId)
                                .key(key, idempotencyKey, fingerprint)
                                .describe(null, null, sourceRef, null)
                                .at(clock.instant())
                                .consuming(points)
                                .build(),
                        null)));
    }

    Operation refundOperation(String memberId, String brandId, String spendIdempotencyKey, String idempotencyKey) {
        String fingerprint = Fingerprint.of("refund", memberId, brandId, spendIdempotencyKey);
        String key = "refund:" + idempotencyKey;
        return Operation.lookingUpFirst(brandId, key, idempotencyKey, fingerprint, () -> target(
                        brandId, memberId, "spend:" + spendIdempotencyKey, "spend")
                .zipWith(rules.forBrand(brandId))
                .map(spendAndRules -> {
                    Instant now = clock.instant();
                    return PointsEntry.builder(EntryType.REFUND, brandId, memberId)
                            .key(key, idempotencyKey, fingerprint)
                            .describe(
                                    null,
                                    "refund of spend " + spendIdempotencyKey,
                                    spendAndRules.getT1().sourceRef(),
                                    null)
                            .at(now)
                            .refunding(spendAndRules.getT1(), expiry(spendAndRules.getT2(), now))
                            .build();
                }));
    }

    Operation earnOperation(
            String memberId,
            String brandId,
            Activity activity,
            Long points,
            String idempotencyKey,
            String sourceRef,
            String actor) {
        String fingerprint = Fingerprint.of("earn", memberId, brandId, activity, sourceRef, points);
        String key = "earn:" + idempotencyKey;
        return Operation.insertingFirst(brandId, key, idempotencyKey, fingerprint, () -> rules.forBrand(brandId)
                .flatMap(brandRules -> earning(
                                brandRules, memberId, points != null ? points : brandRules.pointsFor(activity))
                        .map(earning -> earning.drafted(builder -> builder.key(key, idempotencyKey, fingerprint)
                                .describe(activity.name(), null, sourceRef, actor)))));
    }

    Operation reversal(
            String memberId,
            String brandId,
            String targetKey,
            String key,
            String clientKey,
            String fingerprint,
            String reason,
            String actor) {
        return Operation.lookingUpFirst(
                brandId, key, clientKey, fingerprint, () -> target(brandId, memberId, targetKey, "earning")
                        .map(earning -> PointsEntry.builder(EntryType.REVERSE, brandId, memberId)
                                .key(key, clientKey, fingerprint)
                                .describe(earning.activity(), reason, earning.sourceRef(), actor)
                                .at(clock.instant())
                                .reversing(earning)
                                .build()));
    }

    /** The applied entry a reversal or refund takes back, driven to its end first if needed. */
    private Mono<PointsEntry> target(String brandId, String memberId, String targetKey, String what) {
        return steps.find(brandId, targetKey)
                .filter(entry -> entry.memberId().equals(memberId))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("No " + what + " of this member has the key '"
                        + targetKey.substring(targetKey.indexOf(':') + 1) + "'.")))
                .flatMap(steps::drive)
                .flatMap(entry -> switch (entry.state()) {
                    case APPLIED -> Mono.just(entry);
                    case REJECTED ->
                        Mono.error(Problem.conflict(
                                "nothing-to-reverse",
                                "That " + what + " was refused, so there is nothing to take back."));
                    case PENDING -> Mono.error(PointsProblems.pending());
                });
    }

    private Mono<Earning> earning(PointsRules brandRules, String memberId, long basePoints) {
        return tiers.snapshot(brandRules, memberId).map(tier -> {
            BigDecimal multiplier = brandRules.tier(tier.tier()).multiplier();
            long points = BigDecimal.valueOf(basePoints)
                    .multiply(multiplier)
                    .setScale(0, RoundingMode.DOWN)
                    .longValueExact();
            Instant now = clock.instant();
            return new Earning(
                    PointsEntry.builder(EntryType.EARN, brandRules.brandId(), memberId)
                            .at(now)
                            .earning(basePoints, multiplier.toPlainString(), points, expiry(brandRules, now), true),
                    tier);
        });
    }

    private static Instant expiry(PointsRules brandRules, Instant earnedAt) {
        return earnedAt.atZone(ZoneOffset.UTC)
                .plusMonths(brandRules.expiryMonths())
                .toInstant();
    }

    /**
     * The one path of every write: record the entry under its key (or find the one already there), check it is the
     * same request, drive it through the remaining steps, then let tiers react to earnings.
     */
    Mono<PointsResult> execute(Operation operation) {
        Mono<Attempt> recorded = operation.insertFirst()
                ? draftAndRecord(operation)
                : steps.find(operation.brandId(), operation.key())
                        .map(existing -> new Attempt(new LedgerSteps.Recorded(existing, true), null))
                        .switchIfEmpty(Mono.defer(() -> draftAndRecord(operation)));
        return recorded.flatMap(attempt -> {
            if (!attempt.entry().fingerprint().equals(operation.fingerprint())) {
                return Mono.error(PointsProblems.keyReused(operation.clientKey()));
            }
            return steps.driveToEnd(attempt.entry())
                    .flatMap(driven -> qualification
                            .afterApplied(driven.entry(), driven.earnedInWindow(), attempt.tierAsRead())
                            .thenReturn(driven.entry()))
                    .flatMap(entry -> result(entry, attempt.duplicate()));
        });
    }

    /** Step 1 and what was read to draft it (nothing when the key was found before drafting). */
    private record Attempt(LedgerSteps.Recorded recorded, TierSnapshot tierAsRead) {

        PointsEntry entry() {
            return recorded.entry();
        }

        boolean duplicate() {
            return recorded.duplicate();
        }
    }

    private Mono<Attempt> draftAndRecord(Operation operation) {
        return Mono.defer(() -> operation.drafted().get()).flatMap(drafted -> steps.record(drafted.entry())
                .map(recorded -> new Attempt(recorded, drafted.tierAsRead())));
    }

    private static Mono<PointsResult> result(PointsEntry entry, boolean duplicate) {
        return switch (entry.state()) {
            case APPLIED ->
                Mono.just(new PointsResult(
                        entry.id(),
                        entry.memberId(),
                        entry.brandId(),
                        entry.points(),
                        entry.balanceAfter(),
                        duplicate));
            case REJECTED ->
                Mono.error(
                        LedgerSteps.ALREADY_REVERSED.equals(entry.rejection())
                                ? PointsProblems.alreadyReversed()
                                : PointsProblems.insufficientPoints(
                                        entry.balanceAfter() == null ? 0 : entry.balanceAfter(), -entry.points()));
            case PENDING -> Mono.error(PointsProblems.pending());
        };
    }
}
