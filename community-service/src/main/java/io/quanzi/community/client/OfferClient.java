package io.quanzi.community.client;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * offer-service as community-service calls it: points for activities and the member facts that offers target.
 * Every call carries the service-account token; failures arrive as {@link DownstreamFailure}.
 */
public class OfferClient {

    private final WebClient web;
    private final Downstream downstream;

    OfferClient(WebClient web, Downstream downstream) {
        this.web = web;
        this.downstream = downstream;
    }

    /**
     * Awards points. Not retried here: the outbox that calls it retries with backoff, and the idempotency key makes
     * every repeat harmless.
     */
    public Mono<Void> earn(EarnRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", request.idempotencyKey());
        body.put("memberId", request.memberId());
        body.put("brandId", request.brandId());
        body.put("activity", request.activity().name());
        body.put("sourceRef", request.sourceRef());
        if (request.points() != null) {
            body.put("points", request.points());
        }
        return downstream.once(post("/internal/points/earn", body));
    }

    /** Adds ({@code present}) or removes a member fact; idempotent by nature, so retried once. */
    public Mono<Void> pushFact(String memberId, String brandId, String fact, boolean present) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("brandId", brandId);
        body.put("fact", fact);
        body.put("present", present);
        return downstream.idempotent(post("/internal/facts", body));
    }

    private Mono<Void> post(String path, Map<String, Object> body) {
        return web.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .then();
    }
}
