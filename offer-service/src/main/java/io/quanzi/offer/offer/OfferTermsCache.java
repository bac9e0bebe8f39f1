package io.quanzi.offer.offer;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Offer terms for claims, kept for a short time so that a drop's thousand claims read the offer once rather than a
 * thousand times. This instance forgets an offer as soon as it changes one (an edit, a pause, a close, the sold-out
 * flag set or cleared); another instance's change is seen within the time to live. A read that was already under way
 * when the offer changed is not kept, so a stale answer never outlives the change here.
 */
@Component
class OfferTermsCache {

    private record Entry(OfferTerms terms, long expiresAtNanos) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on every change: a read that began before a change must not be kept. */
    private final AtomicLong changes = new AtomicLong();

    private final long ttlNanos;

    OfferTermsCache(@Value("${quanzi.offers.terms-cache-ttl:1s}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Mono<OfferTerms> get(String offerId, Supplier<Mono<OfferTerms>> load) {
        if (ttlNanos <= 0) {
            return load.get();
        }
        return Mono.defer(() -> {
            Entry entry = entries.get(offerId);
            long now = System.nanoTime();
            if (entry != null && now - entry.expiresAtNanos() < 0) {
                return Mono.just(entry.terms());
            }
            long seen = changes.get();
            return load.get()
                    .doOnNext(terms -> entries.compute(
                            offerId,
                            (id, current) ->
                                    changes.get() == seen ? new Entry(terms, System.nanoTime() + ttlNanos) : current));
        });
    }

    /** Called after a change of the offer was written. */
    void forget(String offerId) {
        changes.incrementAndGet();
        entries.remove(offerId);
    }
}
