package io.quanzi.member.privacy;

import io.quanzi.member.offer.OfferClientProperties;
import io.quanzi.platform.client.ServiceWebClients;
import io.quanzi.platform.outbox.OutboxEntry;
import io.quanzi.platform.outbox.OutboxHandler;
import io.quanzi.platform.outbox.OutboxResult;
import io.quanzi.platform.outbox.OutboxSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The other services' part of a member's erasure and export. An erasure is a document in {@code member_erasures}
 * (keyed by the pseudonym) whose outbox carries it to offer-service and community-service ({@code POST
 * /internal/member-erasures}, idempotent); the real member id stays in the entry only until that service
 * acknowledged it. The export asks both services for what they hold ({@code GET /internal/members/{id}/data}), best
 * effort: a service that does not answer in time is marked {@code unavailable} in the export, which still answers.
 *
 * <p>member-service → community-service is an edge the read paths otherwise do not have (community-service calls
 * member-service). Both uses are safe from loops: the erasure is asynchronous (an outage only delays it), the export
 * is a read with a time limit that never fails the export, and community-service never waits on either.
 */
@Configuration(proxyBeanMethods = false)
class Erasures {

    static final String COLLECTION = "member_erasures";
    static final String TO_OFFER = "erasure-offer";
    static final String TO_COMMUNITY = "erasure-community";
    private static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    private static final Duration HOLD = Duration.ofMinutes(1);
    private static final ParameterizedTypeReference<Map<String, Object>> DATA = new ParameterizedTypeReference<>() {};

    private final WebClient offer;
    private final WebClient community;

    Erasures(
            ServiceWebClients clients,
            OfferClientProperties offer,
            @Value("${quanzi.community.base-url:http://localhost:8082}") String communityUrl) {
        this.offer = clients.builder(offer.baseUrl()).build();
        this.community = clients.builder(communityUrl).build();
    }

    /**
     * Records the erasure before anything is erased, so a crash midway still tells the others; its entries fall due
     * only after {@link #release} (or a minute later), once member-service's own outbox entries carry the pseudonym:
     * none of them can then reach offer-service under the real id after offer-service forgot it.
     */
    static Mono<Void> record(ReactiveMongoTemplate mongo, String memberId, String pseudonym, Instant now) {
        Map<String, Object> payload = Map.of("memberId", memberId, "pseudonym", pseudonym);
        Instant due = now.plus(HOLD);
        Document erasure = new Document("_id", pseudonym)
                .append("erasedAt", now)
                .append(
                        OutboxEntry.FIELD,
                        List.of(
                                mongo.getConverter().convertToMongoType(entry(TO_OFFER, payload, now, due)),
                                mongo.getConverter().convertToMongoType(entry(TO_COMMUNITY, payload, now, due))));
        return mongo.insert(erasure, COLLECTION).then();
    }

    /** Makes the erasure's entries due now. */
    static Mono<Void> release(ReactiveMongoTemplate mongo, String pseudonym, Instant now) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(pseudonym)),
                        new Update().set("outbox.0.nextAttemptAt", now).set("outbox.1.nextAttemptAt", now),
                        COLLECTION)
                .then();
    }

    private static OutboxEntry entry(String kind, Map<String, Object> payload, Instant now, Instant due) {
        return new OutboxEntry(kind, kind, payload, OutboxEntry.State.PENDING, 0, due, null, now, null);
    }

    @Bean
    OutboxSource erasureOutbox() {
        return new OutboxSource(COLLECTION);
    }

    @Bean
    OutboxHandler offerErasureHandler() {
        return handler(TO_OFFER, "offer-service", offer);
    }

    @Bean
    OutboxHandler communityErasureHandler() {
        return handler(TO_COMMUNITY, "community-service", community);
    }

    /** What offer-service and community-service hold about the member, each under its name. */
    Mono<Map<String, Object>> gather(String memberId) {
        return Mono.zip(data("offer-service", offer, memberId), data("community-service", community, memberId))
                .map(both -> {
                    Map<String, Object> services = new LinkedHashMap<>();
                    services.put("offer-service", both.getT1());
                    services.put("community-service", both.getT2());
                    return Map.of("services", services);
                });
    }

    private static Mono<Object> data(String service, WebClient web, String memberId) {
        return web.get()
                .uri("/internal/members/{memberId}/data", memberId)
                .retrieve()
                .bodyToMono(DATA)
                .<Object>map(data -> data)
                .timeout(TIME_LIMIT)
                .onErrorResume(failure -> Mono.just(Map.of(
                        "unavailable", true, "detail", service + " did not answer; export again later for its data")));
    }

    private static OutboxHandler handler(String kind, String service, WebClient web) {
        return OutboxHandler.forgetting(kind, entry -> web.post()
                .uri("/internal/member-erasures")
                .bodyValue(entry.payload())
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(OutboxResult.ofStatus(
                                service, response.statusCode().value())))
                .timeout(TIME_LIMIT)
                .onErrorResume(failure -> Mono.just(
                        OutboxResult.retry(service + ": " + failure.getClass().getSimpleName()))));
    }
}
