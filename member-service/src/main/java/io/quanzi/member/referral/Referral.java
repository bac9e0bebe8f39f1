package io.quanzi.member.referral;

import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One attribution: {@code refereeId} joined brand {@code brandId}'s club with an invite of
 * {@code referrerId}. Unique per (brand, referee). {@code ancestors} is the chain upwards, the
 * referrer first, then the referrer's referrer, capped in depth. {@code outbox} carries the
 * rewards until offer-service acknowledges them.
 */
@Document("referrals")
record Referral(
        @Id String id,
        String brandId,
        String refereeId,
        String referrerId,
        String inviteCode,
        List<String> ancestors,
        Instant attributedAt,
        List<Milestone> milestones,
        List<OutboxEntry> outbox) {

    record Milestone(String milestone, String sourceRef, String idempotencyKey, Instant reachedAt) {}
}
