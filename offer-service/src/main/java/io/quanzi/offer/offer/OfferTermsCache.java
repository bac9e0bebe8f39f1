package io.quanzi.offer.offer;

import io.quanzi.offer.system.RecentReads;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Offer terms for claims, kept for a short time ({@code quanzi.offers.terms-cache-ttl}) so that a drop's thousand
 * claims read the offer once rather than a thousand times; see {@link RecentReads} for when a change is seen.
 */
@Component
class OfferTermsCache {

    private final RecentReads<String, OfferTerms> recent;

    OfferTermsCache(@Value("${quanzi.offers.terms-cache-ttl:1s}") Duration ttl) {
        this.recent = new RecentReads<>(ttl, 10_000);
    }

    Mono<OfferTerms> get(String offerId, Supplier<Mono<OfferTerms>> load) {
        return recent.get(offerId, load);
    }

    /** Called after a change of the offer was written. */
    void forget(String offerId) {
        recent.forget(offerId);
    }
}
