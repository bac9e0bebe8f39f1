package io.quanzi.member.offer;

import java.time.Instant;
import java.util.UUID;

/**
 * One call to offer-service that must happen eventually: an outbox entry stored inside the
 * document that caused it (a membership, a referral, a store), so cause and effect are written in
 * one atomic update. {@link OutboxRelay} delivers it, retrying until offer-service acknowledges.
 *
 * @param key unique within the document; for points it is the idempotency key sent to offer-service
 * @param memberNumber the member's number at the brand, sent only with a {@code club-member} fact so
 *     offer-service can find the member when staff scan the card; absent in entries queued before it
 *     existed, which deliver as before
 */
public record OfferCall(
        String key,
        Kind kind,
        String memberId,
        String brandId,
        String storeId,
        String fact,
        Boolean present,
        Long memberNumber,
        String activity,
        String sourceRef,
        Integer points,
        State state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant settledAt) {

    public enum Kind {
        EARN,
        FACT,
        STORE
    }

    public enum State {
        PENDING,
        ACKNOWLEDGED,
        FAILED
    }

    /** Points through {@code POST /internal/points/earn}; {@code idempotencyKey} is also the entry key. */
    public static OfferCall earn(
            String idempotencyKey, String memberId, String brandId, String activity, String sourceRef, Instant now) {
        return new OfferCall(
                idempotencyKey,
                Kind.EARN,
                memberId,
                brandId,
                null,
                null,
                null,
                null,
                activity,
                sourceRef,
                null,
                State.PENDING,
                0,
                now,
                null,
                now,
                null);
    }

    /** A member fact through {@code POST /internal/facts}; facts of one document are delivered in order. */
    public static OfferCall fact(String memberId, String brandId, String fact, boolean present, Instant now) {
        String key = "fact:" + fact + ":" + (present ? "present" : "absent") + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        return new OfferCall(
                key,
                Kind.FACT,
                memberId,
                brandId,
                null,
                fact,
                present,
                null,
                null,
                null,
                null,
                State.PENDING,
                0,
                now,
                null,
                now,
                null);
    }

    /** Registers a store in offer-service's registry: {@code PUT /internal/brands/{b}/stores/{s}}. */
    public static OfferCall store(String brandId, String storeId, Instant now) {
        return new OfferCall(
                "store:" + brandId + ":" + storeId,
                Kind.STORE,
                null,
                brandId,
                storeId,
                null,
                null,
                null,
                null,
                null,
                null,
                State.PENDING,
                0,
                now,
                null,
                now,
                null);
    }

    /**
     * This fact, also carrying the member's brand number ({@code club-member} facts of a join). The
     * key stays as it is: offer-service stores the number idempotently, so a re-send is harmless.
     */
    public OfferCall withMemberNumber(long memberNumber) {
        if (kind != Kind.FACT || !Boolean.TRUE.equals(present)) {
            throw new IllegalStateException("Only a present fact carries a member number, not " + key);
        }
        return new OfferCall(
                key,
                kind,
                memberId,
                brandId,
                storeId,
                fact,
                present,
                memberNumber,
                activity,
                sourceRef,
                points,
                state,
                attempts,
                nextAttemptAt,
                lastError,
                createdAt,
                settledAt);
    }

    public boolean pending() {
        return state == State.PENDING;
    }
}
