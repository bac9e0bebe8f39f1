package io.quanzi.offer.offer;

import reactor.core.publisher.Mono;

/** A member's tier at a brand, for tier-restricted offers. */
@org.springframework.stereotype.Component
class MemberTiers {

    /** Emits the tier name, or nothing when it is unknown (tier-restricted offers are then refused). */
    Mono<String> tierOf(String memberId, String brandId) {
        // TODO: read the tier from the points ledger once it exists.
        return Mono.empty();
    }
}
