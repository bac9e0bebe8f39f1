package io.quanzi.offer.tier;

/**
 * A member's tier as one read found it, for an earning to use twice: the multiplier of the entry and, after it is
 * applied, whether the tier could change (see {@link Tiers#mayChange(io.quanzi.offer.rules.PointsRules, String, long,
 * TierSnapshot)}).
 *
 * @param tier the tier name; the brand's lowest tier when the member has no tier record
 * @param downgradePending whether the member is in the grace period after a failed review
 * @param stored whether the member has a tier record at the brand
 */
public record TierSnapshot(String tier, boolean downgradePending, boolean stored) {}
