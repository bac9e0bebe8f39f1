package io.quanzi.offer.fact;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.offer.support.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class MemberFactTest extends OfferServiceTest {

    @Autowired
    MemberFacts facts;

    @Test
    void serviceAddsAndRemovesAFact() {
        String member = newMemberId();

        push(member, "core-group:c1", true).expectStatus().isNoContent();
        push(member, "attended-event:e7", true).expectStatus().isNoContent();
        assertThat(facts.of(member, BRAND).block()).containsExactlyInAnyOrder("core-group:c1", "attended-event:e7");

        push(member, "core-group:c1", false).expectStatus().isNoContent();
        assertThat(facts.of(member, BRAND).block()).containsExactly("attended-event:e7");
        assertThat(facts.of(member, OTHER_BRAND).block()).isEmpty();
    }

    @Test
    void repeatedAndConcurrentPushesKeepOneFact() {
        String member = newMemberId();
        FactRequest request = new FactRequest(member, BRAND, "club-member", true);

        Flux.range(0, 16)
                .flatMap(i -> facts.record(request).subscribeOn(Schedulers.parallel()), 16)
                .then()
                .block(Duration.ofSeconds(10));
        push(member, "club-member", true).expectStatus().isNoContent();

        assertThat(mongo.count(
                                Query.query(Criteria.where("memberId")
                                        .is(member)
                                        .and("fact")
                                        .is("club-member")),
                                MemberFact.class)
                        .block())
                .isEqualTo(1);
        assertThat(facts.of(member, BRAND).block()).isEqualTo(Set.of("club-member"));
    }

    @Test
    void removingAnAbsentFactIsFine() {
        push(newMemberId(), "community:c9", false).expectStatus().isNoContent();
    }

    @Test
    void unknownFactsAreRefused() {
        expectProblem(push(newMemberId(), "vip", true), 400, "validation");
        expectProblem(push(newMemberId(), "core-group:", true), 400, "validation");
        expectProblem(push(newMemberId(), "core-group:a b", true), 400, "validation");
        expectProblem(
                web.mutateWith(Tokens.service("member-service"))
                        .post()
                        .uri("/internal/facts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("memberId", "m", "brandId", BRAND, "fact", "club-member"))
                        .exchange(),
                400,
                "validation");
    }

    private WebTestClient.ResponseSpec push(String member, String fact, boolean present) {
        return web.mutateWith(Tokens.service("community-service"))
                .post()
                .uri("/internal/facts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", member, "brandId", BRAND, "fact", fact, "present", present))
                .exchange();
    }
}
