package io.quanzi.member.club;

import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's membership of one brand's club. Unique per (member, brand) and per (brand, member
 * number). {@code outbox} carries the offer-service effects of joining and leaving (the
 * {@code club-member} fact, carrying the member number when joining, the welcome points) until
 * acknowledged.
 */
@Document("memberships")
record Membership(
        @Id String id,
        String memberId,
        String brandId,
        long memberNumber,
        MembershipStatus status,
        JoinSource source,
        String storeId,
        Instant joinedAt,
        Instant leftAt,
        List<OutboxEntry> outbox) {}
