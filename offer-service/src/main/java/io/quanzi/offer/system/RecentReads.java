package io.quanzi.offer.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Documents a hot path reads again and again (an offer's terms in a drop, a brand's earning rules), kept for a short
 * time (Caffeine, bounded in size). This instance forgets an entry as soon as it changes the document; another
 * instance's change is seen within the time to live. A read that was under way when a change happened is not kept,
 * so a stale answer never outlives a change made here. A time to live of zero keeps nothing.
 */
public final class RecentReads<K, V> {

    private final Cache<K, V> entries;
    private final boolean enabled;
    /** Moves on every change: a read that began before a change must not be kept. */
    private final AtomicLong changes = new AtomicLong();

    public RecentReads(Duration timeToLive, long maxEntries) {
        this.enabled = !timeToLive.isZero() && !timeToLive.isNegative();
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? timeToLive : Duration.ofNanos(1))
                .maximumSize(maxEntries)
                .build();
    }

    /** The value kept for {@code key}, else what {@code read} emits (kept unless a change came in between). */
    public Mono<V> get(K key, Supplier<Mono<V>> read) {
        if (!enabled) {
            return read.get();
        }
        return Mono.defer(() -> {
            V kept = entries.getIfPresent(key);
            if (kept != null) {
                return Mono.just(kept);
            }
            long seen = changes.get();
            return read.get().doOnNext(value -> {
                if (changes.get() == seen) {
                    entries.put(key, value);
                }
            });
        });
    }

    /** Called when the document behind {@code key} changes (before the write and after it). */
    public void forget(K key) {
        changes.incrementAndGet();
        entries.invalidate(key);
    }
}
