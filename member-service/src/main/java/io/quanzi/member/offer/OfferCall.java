package io.quanzi.member.offer;

import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outbox entries that call offer-service, stored inside the document that causes them (a membership, a referral,
 * a store); the payload is the body of the internal call. The platform relay delivers them through {@link
 * OfferClient}; {@code club-member} and other facts of one document go in order ({@link #FACT} is an ordered kind).
 */
public final class OfferCall {

    /** Points through {@code POST /internal/points/earn}. */
    public static final String EARN = "offer-earn";
    /** A member fact through {@code POST /internal/facts}. */
    public static final String FACT = "offer-fact";
    /** A store in offer-service's registry: {@code PUT /internal/brands/{b}/stores/{s}}. */
    public static final String STORE = "offer-store";

    private OfferCall() {}

    /** Points; {@code idempotencyKey} is also the entry key. */
    public static OutboxEntry earn(
            String idempotencyKey, String memberId, String brandId, String activity, String sourceRef, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", idempotencyKey);
        body.put("memberId", memberId);
        body.put("brandId", brandId);
        body.put("activity", activity);
        body.put("sourceRef", sourceRef);
        return OutboxEntry.of(idempotencyKey, EARN, body, now);
    }

    /** A member fact; facts of one document are delivered in order. */
    public static OutboxEntry fact(String memberId, String brandId, String fact, boolean present, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("brandId", brandId);
        body.put("fact", fact);
        body.put("present", present);
        return OutboxEntry.unique(FACT, body, now);
    }

    public static OutboxEntry store(String brandId, String storeId, Instant now) {
        return OutboxEntry.of(
                "store:" + brandId + ":" + storeId, STORE, Map.of("brandId", brandId, "storeId", storeId), now);
    }

    /**
     * The fact, also carrying the member's brand number ({@code club-member} facts of a join), so offer-service can
     * find the member when staff scan the card. Entries queued without it deliver as before.
     */
    public static OutboxEntry withMemberNumber(OutboxEntry fact, long memberNumber) {
        if (!FACT.equals(fact.kind()) || !fact.flag("present")) {
            throw new IllegalStateException("Only a present fact carries a member number, not " + fact.key());
        }
        Map<String, Object> body = new LinkedHashMap<>(fact.payload());
        body.put("memberNumber", memberNumber);
        return new OutboxEntry(
                fact.key(),
                fact.kind(),
                body,
                fact.state(),
                fact.attempts(),
                fact.nextAttemptAt(),
                fact.lastError(),
                fact.createdAt(),
                fact.settledAt());
    }
}
