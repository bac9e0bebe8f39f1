package io.quanzi.community.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * member-service as community-service calls it: store look-ups and brand timezones (both cached: they rarely
 * change) and referral milestones. Failures arrive as {@link DownstreamFailure}, except for timezones, which fall
 * back to UTC.
 */
public class MemberClient {

    private static final Logger log = LoggerFactory.getLogger(MemberClient.class);

    static final Duration STORE_CACHE_TIME = Duration.ofMinutes(5);
    private static final int STORE_CACHE_LIMIT = 10_000;
    /** The zone used when a brand's own is unknown (named "UTC", not "Z", in reports). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    static final Duration ZONE_CACHE_TIME = Duration.ofMinutes(10);
    private static final int ZONE_CACHE_LIMIT = 1_000;

    private final WebClient web;
    private final Downstream downstream;
    private final Duration zoneLookupTimeout;
    private final Map<String, Mono<StoreInfo>> stores = new ConcurrentHashMap<>();
    private final Map<String, Mono<ZoneId>> zones = new ConcurrentHashMap<>();

    MemberClient(WebClient web, Downstream downstream, Duration zoneLookupTimeout) {
        this.web = web;
        this.downstream = downstream;
        this.zoneLookupTimeout = zoneLookupTimeout;
    }

    /**
     * The store, or empty when member-service says it does not exist. Found stores are cached for a few minutes;
     * unknown stores and failures are not cached.
     */
    public Mono<StoreInfo> store(String storeId) {
        if (stores.size() > STORE_CACHE_LIMIT) {
            stores.clear();
        }
        return stores.computeIfAbsent(storeId, this::lookUp).doOnError(failure -> stores.remove(storeId));
    }

    private Mono<StoreInfo> lookUp(String storeId) {
        Mono<StoreInfo> call = web.get()
                .uri("/internal/stores/{storeId}", storeId)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(StoreInfo.class)
                .onErrorResume(
                        WebClientResponseException.class,
                        failure -> failure.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                                ? Mono.empty()
                                : Mono.error(failure));
        return downstream
                .idempotent(call)
                .cache(found -> STORE_CACHE_TIME, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    /**
     * The brand's timezone, whose days, weeks and months analytics count in. Never fails and never waits longer than
     * the zone look-up time limit: when member-service does not answer in time, fails or its circuit is open, the
     * answer is UTC (logged, not cached, so the next call asks again). A brand member-service does not know, or
     * whose timezone is not a valid zone id, is UTC too (logged, cached like a found zone). At most
     * {@value #ZONE_CACHE_LIMIT} brands are cached, each for {@link #ZONE_CACHE_TIME}.
     */
    public Mono<ZoneId> brandZone(String brandId) {
        if (zones.size() > ZONE_CACHE_LIMIT) {
            zones.clear();
        }
        Mono<ZoneId> cached = zones.computeIfAbsent(brandId, this::lookUpZone);
        return cached.onErrorResume(failure -> {
            zones.remove(brandId, cached);
            log.warn("Timezone of brand {} unavailable, using UTC: {}", brandId, failure.getMessage());
            return Mono.just(UTC);
        });
    }

    private Mono<ZoneId> lookUpZone(String brandId) {
        // One attempt under a short time limit, no retry: a caller recording an activity would rather fall back
        // to UTC than wait. The limit sits inside the circuit breaker, so slow answers count as failures.
        Mono<ZoneId> call = web.get()
                .uri("/internal/brands/{brandId}", brandId)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(BrandInfo.class)
                .timeout(zoneLookupTimeout)
                .map(brand -> zoneOf(brandId, brand.timezone()))
                .switchIfEmpty(Mono.fromSupplier(() -> zoneOf(brandId, null)))
                .onErrorResume(
                        WebClientResponseException.NotFound.class,
                        notFound -> Mono.fromSupplier(() -> zoneOf(brandId, null)));
        return downstream.once(call).cache(found -> ZONE_CACHE_TIME, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    private static ZoneId zoneOf(String brandId, String timezone) {
        if (timezone == null || timezone.isBlank()) {
            log.warn("member-service knows no timezone of brand {}, using UTC", brandId);
            return UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException invalid) {
            log.warn("Brand {} has timezone '{}', which is no zone id; using UTC", brandId, timezone);
            return UTC;
        }
    }

    /**
     * The part of {@code GET /internal/brands/{id}} community-service reads; the rest (name, slug, status) is
     * skipped, although the service's mapper refuses unknown properties elsewhere.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BrandInfo(String id, String timezone) {}

    /**
     * Tells member-service a referral milestone happened ({@code FIRST_CHECK_IN}); it decides whether a referral
     * reward follows. Keyed, not retried here: the caller's outbox retries.
     */
    public Mono<Void> referralMilestone(
            String idempotencyKey, String memberId, String brandId, String milestone, String sourceRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", idempotencyKey);
        body.put("memberId", memberId);
        body.put("brandId", brandId);
        body.put("milestone", milestone);
        body.put("sourceRef", sourceRef);
        return downstream.once(web.post()
                .uri("/internal/referrals/milestones")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .then());
    }
}
