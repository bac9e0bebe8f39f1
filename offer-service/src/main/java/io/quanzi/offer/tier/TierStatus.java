package io.quanzi.offer.tier;

import java.time.Instant;
import java.util.List;

/**
 * What a member can know of their tier at a brand.
 *
 * @param downgradeDueAt set while the member is in the grace period after a review they failed
 */
public record TierStatus(
        String tier, Instant since, Instant reviewAt, Instant downgradeDueAt, List<TierChange> history) {

    public record TierChange(String tier, String previousTier, Instant at, String reason, long earnedInWindow) {}
}
