package io.quanzi.community.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * member-service as community-service calls it: store look-ups (cached: stores rarely change) and referral
 * milestones. Failures arrive as {@link DownstreamFailure}.
 */
public class MemberClient {

    static final Duration STORE_CACHE_TIME = Duration.ofMinutes(5);
    private static final int STORE_CACHE_LIMIT = 10_000;

    private final WebClient web;
    private final Downstream downstream;
    private final Map<String, Mono<StoreInfo>> stores = new ConcurrentHashMap<>();

    MemberClient(WebClient web, Downstream downstream) {
        this.web = web;
        this.downstream = downstream;
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
