package io.quanzi.offer.fact;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.offer.support.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @Autowired
    MemberNumbers numbers;

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
        FactRequest request = new FactRequest(member, BRAND, "club-member", true, null);

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

    @Test
    void clubMemberFactWithANumberRecordsWhoHoldsItOnce() {
        String brand = newBrandId();
        String member = newMemberId();

        pushWithNumber(member, brand, "club-member", "17").expectStatus().isNoContent();
        pushWithNumber(member, brand, "club-member", "17").expectStatus().isNoContent();

        assertThat(numbers.memberIdOf(brand, 17).block()).isEqualTo(member);
        assertThat(numbers.memberIdOf(brand, 18).block()).isNull();
        assertThat(numbers.memberIdOf(OTHER_BRAND, 17).block()).isNull();
        assertThat(facts.of(member, brand).block()).containsExactly("club-member");
        assertThat(mongo.count(Query.query(Criteria.where("brandId").is(brand)), MemberNumber.class)
                        .block())
                .isEqualTo(1);
    }

    @Test
    void concurrentPushesOfTheSameNumberKeepOneMapping() {
        String brand = newBrandId();
        String member = newMemberId();
        FactRequest request = new FactRequest(member, brand, "club-member", true, 3L);

        Flux.range(0, 16)
                .flatMap(i -> facts.record(request).subscribeOn(Schedulers.parallel()), 16)
                .then()
                .block(Duration.ofSeconds(10));

        assertThat(mongo.count(Query.query(Criteria.where("brandId").is(brand)), MemberNumber.class)
                        .block())
                .isEqualTo(1);
        assertThat(numbers.memberIdOf(brand, 3).block()).isEqualTo(member);
    }

    @Test
    void numberAlreadyHeldByAnotherMemberIs409AndRecordsNothing() {
        String brand = newBrandId();
        String first = newMemberId();
        String second = newMemberId();
        pushWithNumber(first, brand, "club-member", "5").expectStatus().isNoContent();

        expectProblem(pushWithNumber(second, brand, "club-member", "5"), 409, "member-number-taken");

        assertThat(numbers.memberIdOf(brand, 5).block()).isEqualTo(first);
        assertThat(facts.of(second, brand).block()).isEmpty();
    }

    @Test
    void leavingKeepsTheNumberWithItsMember() {
        String brand = newBrandId();
        String member = newMemberId();
        pushWithNumber(member, brand, "club-member", "8").expectStatus().isNoContent();

        push(member, brand, "club-member", false).expectStatus().isNoContent();

        assertThat(facts.of(member, brand).block()).isEmpty();
        assertThat(numbers.memberIdOf(brand, 8).block()).isEqualTo(member);
    }

    @Test
    void memberNumberOnlyComesWithTheClubMemberFact() {
        String brand = newBrandId();
        String member = newMemberId();

        expectProblem(pushWithNumber(member, brand, "core-group:c1", "9"), 400, "validation");
        pushWithNumber(member, brand, "attended-event:e1", "9")
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("memberNumberOnClubMemberFact");

        assertThat(facts.of(member, brand).block()).isEmpty();
        assertThat(numbers.memberIdOf(brand, 9).block()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-4", "1.5", "\"ten\"", "true", "[1]", "{\"$gt\": \"\"}", "{\"$ne\": null}"})
    void badMemberNumberIsRefusedAndRecordsNothing(String memberNumber) {
        String brand = newBrandId();
        String member = newMemberId();

        pushWithNumber(member, brand, "club-member", memberNumber)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(facts.of(member, brand).block()).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("brandId").is(brand)), MemberNumber.class)
                        .block())
                .isZero();
    }

    private static String newBrandId() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A push from member-service, with {@code memberNumber} as raw JSON. */
    private WebTestClient.ResponseSpec pushWithNumber(String member, String brand, String fact, String memberNumber) {
        return web.mutateWith(Tokens.service("member-service"))
                .post()
                .uri("/internal/facts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"memberId": "%s", "brandId": "%s", "fact": "%s", "present": true, "memberNumber": %s}"""
                                .formatted(member, brand, fact, memberNumber))
                .exchange();
    }

    private WebTestClient.ResponseSpec push(String member, String brand, String fact, boolean present) {
        return web.mutateWith(Tokens.service("member-service"))
                .post()
                .uri("/internal/facts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", member, "brandId", brand, "fact", fact, "present", present))
                .exchange();
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
