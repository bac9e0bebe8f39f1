package io.quanzi.offer.tier;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Points a member earned at a brand since a point in time (tier-qualifying points: activities and
 * purchases, net of their reversals). Implemented by the points ledger, so tiers never reach into
 * the ledger's storage.
 */
public interface EarnedInWindow {

    Mono<Long> earnedSince(String brandId, String memberId, Instant from);
}
