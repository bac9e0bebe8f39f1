package io.quanzi.offer.points;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One append-only ledger line. Only {@code state}, {@code balanceAfter}, {@code decidedAt},
 * {@code rejection}, {@code reversedBy} (on the entry being taken back) and {@code expiryDone}
 * (on a batch past its date) ever change after the insert; the amounts never do.
 *
 * <p>Amounts, all signed: {@code points} is the change to the balance. {@code batchDelta} and
 * {@code batchExpiresAt} describe earning batches (positive for an earning, negative for its
 * reversal, same date), {@code consumes} the points taken from batches (spends, expiries, negative
 * adjustments), and {@code qualifying}/{@code qualifyingAt} what counts for
 * tiers. So {@code points = batchDelta - consumes} on every entry.
 *
 * @param idempotencyKey the caller's key with an operation prefix ({@code earn:}, {@code spend:}…),
 *     unique per brand
 * @param clientKey the key exactly as the caller sent it
 * @param fingerprint hash of the request body: the same key with another body is a conflict
 * @param actor who asked for it: a service client, a staff member or a brand admin (audit)
 * @param targetEntryId the entry a REVERSE or REFUND takes back
 * @param expectedApplyCount an expiry applies only if the account has not changed since computed
 * @param expiryDone on an earning batch: its date passed and the expiry job has accounted for it
 */
@Document("points_entries")
record PointsEntry(
        @Id String id,
        String brandId,
        String memberId,
        String idempotencyKey,
        String clientKey,
        String fingerprint,
        EntryType type,
        String activity,
        String reason,
        String sourceRef,
        String actor,
        long points,
        long basePoints,
        String multiplier,
        long batchDelta,
        Instant batchExpiresAt,
        long consumes,
        long qualifying,
        Instant qualifyingAt,
        String targetEntryId,
        Long expectedApplyCount,
        String reversedBy,
        Boolean expiryDone,
        EntryState state,
        Long balanceAfter,
        String rejection,
        Instant createdAt,
        Instant decidedAt) {

    /** Debits that must not take the balance below zero: spends, expiries, manual deductions. */
    boolean needsFunds() {
        return points < 0 && type != EntryType.REVERSE;
    }

    String accountId() {
        return PointsAccount.idOf(brandId, memberId);
    }

    static Builder builder(EntryType type, String brandId, String memberId) {
        return new Builder(type, brandId, memberId);
    }

    /** Assembles a new PENDING entry; the many amounts read better by name than by position. */
    static final class Builder {
        private final EntryType type;
        private final String brandId;
        private final String memberId;
        private String idempotencyKey;
        private String clientKey;
        private String fingerprint;
        private String activity;
        private String reason;
        private String sourceRef;
        private String actor;
        private long points;
        private long basePoints;
        private String multiplier = "1";
        private long batchDelta;
        private Instant batchExpiresAt;
        private long consumes;
        private long qualifying;
        private Instant qualifyingAt;
        private String targetEntryId;
        private Long expectedApplyCount;
        private Instant createdAt;

        private Builder(EntryType type, String brandId, String memberId) {
            this.type = type;
            this.brandId = brandId;
            this.memberId = memberId;
        }

        Builder key(String idempotencyKey, String clientKey, String fingerprint) {
            this.idempotencyKey = idempotencyKey;
            this.clientKey = clientKey;
            this.fingerprint = fingerprint;
            return this;
        }

        Builder describe(String activity, String reason, String sourceRef, String actor) {
            this.activity = activity;
            this.reason = reason;
            this.sourceRef = sourceRef;
            this.actor = actor;
            return this;
        }

        Builder earning(long basePoints, String multiplier, long points, Instant expiresAt, boolean qualifies) {
            this.basePoints = basePoints;
            this.multiplier = multiplier;
            this.points = points;
            this.batchDelta = points;
            this.batchExpiresAt = expiresAt;
            if (qualifies) {
                this.qualifying = points;
            }
            return this;
        }

        Builder consuming(long consumed) {
            this.points = -consumed;
            this.consumes = consumed;
            this.basePoints = consumed;
            return this;
        }

        /** Takes back a whole earning: its batch and its tier-qualifying points. */
        Builder reversing(PointsEntry earning) {
            this.targetEntryId = earning.id();
            this.points = -earning.points();
            this.basePoints = earning.points();
            this.batchDelta = -earning.batchDelta();
            this.batchExpiresAt = earning.batchExpiresAt();
            this.qualifying = -earning.qualifying();
            this.qualifyingAt = earning.qualifyingAt();
            return this;
        }

        /**
         * Gives back the points of a spend as a new batch that expires like a fresh earning: the
         * points a spend consumed are not tracked batch by batch, so they cannot return to them.
         */
        Builder refunding(PointsEntry spend, Instant expiresAt) {
            this.targetEntryId = spend.id();
            this.points = spend.consumes();
            this.basePoints = spend.consumes();
            this.batchDelta = spend.consumes();
            this.batchExpiresAt = expiresAt;
            return this;
        }

        Builder expectingApplyCount(long applyCount) {
            this.expectedApplyCount = applyCount;
            return this;
        }

        Builder at(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        PointsEntry build() {
            return new PointsEntry(
                    null,
                    brandId,
                    memberId,
                    idempotencyKey,
                    clientKey,
                    fingerprint,
                    type,
                    activity,
                    reason,
                    sourceRef,
                    actor,
                    points,
                    basePoints,
                    multiplier,
                    batchDelta,
                    batchExpiresAt,
                    consumes,
                    qualifying,
                    qualifyingAt == null && qualifying != 0 ? createdAt : qualifyingAt,
                    targetEntryId,
                    expectedApplyCount,
                    null,
                    null,
                    EntryState.PENDING,
                    null,
                    null,
                    createdAt,
                    null);
        }
    }
}
