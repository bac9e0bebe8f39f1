package io.quanzi.member.offer;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.quanzi.platform.client.DownstreamRefusals;
import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * member-service's one client of offer-service's internal API. Writes return a {@link Delivery}
 * (never an error) for the outbox to act on, and are not retried here: the outbox retries them with
 * the same idempotency key. The tier read is idempotent, retried once, cached, and degrades to
 * "unknown" when offer-service is down or slow.
 */
public class OfferClient {

    private static final Logger log = LoggerFactory.getLogger(OfferClient.class);
    private static final int MAX_CACHED_TIERS = 10_000;

    private final WebClient web;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter writeTimeLimiter;
    private final TimeLimiter readTimeLimiter;
    private final Retry readRetry;
    private final Clock clock;
    private final Duration tierCacheTtl;
    private final Map<String, CachedTier> tiers = new ConcurrentHashMap<>();

    OfferClient(
            WebClient web,
            CircuitBreaker circuitBreaker,
            TimeLimiter writeTimeLimiter,
            TimeLimiter readTimeLimiter,
            Retry readRetry,
            Clock clock,
            Duration tierCacheTtl) {
        this.web = web;
        this.circuitBreaker = circuitBreaker;
        this.writeTimeLimiter = writeTimeLimiter;
        this.readTimeLimiter = readTimeLimiter;
        this.readRetry = readRetry;
        this.clock = clock;
        this.tierCacheTtl = tierCacheTtl;
    }

    /** Sends one outbox entry of an {@link OfferCall} kind, its payload as the body. Completes with the outcome; never errors. */
    public Mono<Delivery> deliver(OutboxEntry call) {
        Mono<Delivery> send =
                switch (call.kind()) {
                    case OfferCall.EARN -> post("/internal/points/earn", call.payload());
                    case OfferCall.FACT -> post("/internal/facts", call.payload());
                    case OfferCall.STORE ->
                        Mono.defer(() -> web.put()
                                .uri(
                                        "/internal/brands/{brandId}/stores/{storeId}",
                                        call.text("brandId"),
                                        call.text("storeId"))
                                .bodyValue(Map.of())
                                .exchangeToMono(OfferClient::classify));
                    default -> Mono.just(Delivery.rejected("not an offer-service call: " + call.kind()));
                };
        return send.transformDeferred(TimeLimiterOperator.of(writeTimeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .onErrorResume(OfferClient::retryable);
    }

    /**
     * The member's tier in a brand, or empty when offer-service cannot tell right now (down, slow,
     * circuit open). Answers are cached for a minute.
     */
    public Mono<Optional<String>> tier(String memberId, String brandId) {
        String cacheKey = brandId + "/" + memberId;
        CachedTier cached = tiers.get(cacheKey);
        Instant now = clock.instant();
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return Mono.just(Optional.ofNullable(cached.tier()));
        }
        return Mono.defer(() -> web.get()
                        .uri(builder -> builder.path("/internal/points/members/{memberId}")
                                .queryParam("brandId", "{brandId}")
                                .build(memberId, brandId))
                        .retrieve()
                        .bodyToMono(PointsAccount.class))
                .transformDeferred(TimeLimiterOperator.of(readTimeLimiter))
                .transformDeferred(RetryOperator.of(readRetry))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .map(account -> {
                    if (tiers.size() >= MAX_CACHED_TIERS) {
                        tiers.clear(); // crude bound: a full cache starts over rather than grow without limit
                    }
                    tiers.put(
                            cacheKey,
                            new CachedTier(account.tier(), clock.instant().plus(tierCacheTtl)));
                    return Optional.ofNullable(account.tier());
                })
                .onErrorResume(failure -> {
                    log.warn("Tier of {} in {} unavailable: {}", memberId, brandId, describe(failure));
                    return Mono.just(Optional.empty());
                });
    }

    private Mono<Delivery> post(String path, Map<String, Object> body) {
        return Mono.defer(() -> web.post().uri(path).bodyValue(body).exchangeToMono(OfferClient::classify));
    }

    private static Mono<Delivery> classify(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        Mono<Void> drain = response.releaseBody();
        if (status.is2xxSuccessful()) {
            return drain.thenReturn(Delivery.acknowledged());
        }
        if (DownstreamRefusals.isPermanent(status.value())) {
            String detail = "offer-service answered " + status.value()
                    + (status.value() == 409 ? ": same idempotency key with a different body" : "");
            return drain.thenReturn(Delivery.rejected(detail));
        }
        if (status.is4xxClientError()) {
            // 401/403 (credentials or role an operator can fix), 404 (this version of offer-service does not serve
            // the endpoint yet), 408, 429: not the request's fault. Keep the entry; the relay sends it again with
            // back-off. Returned rather than thrown: offer-service did answer, so the breaker stays closed.
            return drain.thenReturn(Delivery.retry("offer-service answered " + status.value()));
        }
        // Thrown, not returned, so the circuit breaker counts it as a failure.
        return drain.then(Mono.error(new OfferUnavailable("offer-service answered " + status.value())));
    }

    private static Mono<Delivery> retryable(Throwable failure) {
        return Mono.just(Delivery.retry(describe(failure)));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit open: offer-service failed recently";
        }
        if (failure instanceof TimeoutException) {
            return "offer-service did not answer in time";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    record PointsAccount(String memberId, String brandId, Long balance, String tier) {}

    private record CachedTier(String tier, Instant expiresAt) {}

    static final class OfferUnavailable extends RuntimeException {
        OfferUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
