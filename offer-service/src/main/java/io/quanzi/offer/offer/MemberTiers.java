package io.quanzi.offer.offer;

import io.quanzi.offer.tier.Tiers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A member's tier at a brand, for tier-restricted offers: read locally from the points ledger's tiers. */
@Component
class MemberTiers {

    private final Tiers tiers;

    MemberTiers(Tiers tiers) {
        this.tiers = tiers;
    }

    /** The tier name; the brand's lowest tier for a member without points there yet. */
    Mono<String> tierOf(String memberId, String brandId) {
        return tiers.currentTier(brandId, memberId);
    }
}
