package io.quanzi.member.offer;

import java.time.Instant;
import java.util.UUID;

/**
 * One call to offer-service that must happen eventually: an outbox entry stored inside the
 * document that caused it (a membership, a referral, a store), so cause and effect are written in
 * one atomic update. {@link OutboxRelay} delivers it, retrying until offer-service acknowledges.
 *
 * @param key unique within the document; for points it is the idempotency key sent to offer-service
 */
public record OfferCall(
        String key,
        Kind kind,
        String memberId,
        String brandId,
        String storeId,
        String fact,
        Boolean present,
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
                State.PENDING,
                0,
                now,
                null,
                now,
                null);
    }

    public boolean pending() {
        return state == State.PENDING;
    }
}
