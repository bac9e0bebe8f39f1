package io.quanzi.offer.tier;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's tier at one brand. {@code reviewAt} is when the tier is next checked against the
 * points earned in the window; a member who no longer qualifies then keeps the tier until
 * {@code downgradeDueAt} (the grace period) and is only moved down if still short at that date.
 */
@Document("member_tiers")
record MemberTier(
        @Id String id,
        String brandId,
        String memberId,
        String tier,
        Instant since,
        Instant reviewAt,
        Instant downgradeDueAt,
        List<Change> history) {

    /** One entry of the tier history: the tier the member moved to, when and why. */
    record Change(String tier, String previousTier, Instant at, String reason, long earnedInWindow) {}

    static String idOf(String brandId, String memberId) {
        return brandId + "/" + memberId;
    }
}
