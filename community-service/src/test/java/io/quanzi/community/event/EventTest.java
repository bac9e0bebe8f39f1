package io.quanzi.community.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.support.CommunityApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;

class EventTest extends CommunityApiTest {

    @Test
    void brandAdminCreatesAnEventAtOneOfTheBrandsStores() {
        Map<String, Object> body = openEvent("store-1", 20, true, 50);

        postEvent(admin("ada", "brand-1"), body)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/events/.+")
                .expectBody()
                .jsonPath("$.brandId")
                .isEqualTo("brand-1")
                .jsonPath("$.storeId")
                .isEqualTo("store-1")
                .jsonPath("$.capacity")
                .isEqualTo(20)
                .jsonPath("$.seatsTaken")
                .isEqualTo(0)
                .jsonPath("$.attendPoints")
                .isEqualTo(50)
                .jsonPath("$.status")
                .isEqualTo("SCHEDULED");
    }

    @Test
    void adminOfAnotherBrandCannotCreateOrChangeTheBrandsEvents() {
        postEvent(admin("otto", "brand-9"), openEvent("store-1", 20, false, 0))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:not-brand-admin-of-brand");

        String event = createEvent(openEvent("store-1", 20, false, 0));
        web.mutateWith(admin("otto", "brand-9"))
                .post()
                .uri("/api/events/{id}/cancel", event)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(admin("otto", "brand-9"))
                .put()
                .uri("/api/events/{id}", event)
                .bodyValue(openEvent("store-9", 20, false, 0))
                .exchange()
                .expectStatus()
                .isForbidden();
        eventStatus(event, "SCHEDULED");
    }

    @Test
    void membersAndStaffCannotCreateEvents() {
        postEvent(member("alice"), openEvent("store-1", 20, false, 0))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        postEvent(staff("sam", "store-1"), openEvent("store-1", 20, false, 0))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void unknownStoreIsRefused() {
        postEvent(admin("ada", "brand-1"), openEvent("no-such-store", 20, false, 0))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:unknown-store");
    }

    @Test
    void storeThatCannotBeVerifiedIs503NotACrash() {
        downstream.respond(request -> io.quanzi.community.support.StubServer.Response.status(500));

        postEvent(admin("ada", "brand-1"), openEvent("store-2", 20, false, 0))
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:store-unverifiable");
    }

    @Test
    void endBeforeStartOrAClosedWindowIsRefused() {
        Map<String, Object> endBeforeStart = openEvent("store-1", 20, false, 0);
        endBeforeStart.put("endsAt", Instant.now().minusSeconds(1200).toString());
        Map<String, Object> inverted = openEvent("store-1", 20, false, 0);
        inverted.put("checkInClosesAt", Instant.now().minusSeconds(3600).toString());

        for (Map<String, Object> body : List.of(endBeforeStart, inverted)) {
            postEvent(admin("ada", "brand-1"), body)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:quanzi:problem:invalid-event-times");
        }
    }

    @Test
    void malformedOversizedAndOperatorInjectionBodiesAre400ProblemsAndCreateNothing() {
        String brandAdmin = "admin-" + UUID.randomUUID();
        List<String> bad = List.of(
                "{not json",
                "{\"storeId\":{\"$gt\":\"\"},\"title\":\"x\",\"startsAt\":\"2030-01-01T00:00:00Z\"}",
                "{\"storeId\":\"store-1\",\"title\":\"x\",\"capacity\":10,\"confirmedCount\":0}",
                "{\"storeId\":\"store-1\",\"title\":\"\",\"capacity\":-1}");
        for (String body : bad) {
            postEvent(admin(brandAdmin, "brand-1"), body)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        Map<String, Object> huge = openEvent("store-1", 20, false, 0);
        huge.put("description", "x".repeat(300_000));
        postEvent(admin(brandAdmin, "brand-1"), huge).expectStatus().isEqualTo(413);
        web.mutateWith(member("alice"))
                .get()
                .uri("/api/events?brandId={b}", "{\"$ne\":null}")
                .exchange()
                .expectStatus()
                .isBadRequest();

        StepVerifier.create(mongo.count(Query.query(Criteria.where("createdBy").is(brandAdmin)), Event.class))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void eventCanOnlyBeRestrictedToACommunityOfItsBrand() {
        String foreign =
                new io.quanzi.community.CommunityApi(web).createCommunity("otto", "brand-9", "CLUB", "OPEN", null);
        Map<String, Object> body = openEvent("store-1", 20, false, 0);
        body.put("communityId", foreign);

        postEvent(admin("ada", "brand-1"), body)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:community-of-other-brand");
    }

    @Test
    void membersSeeUpcomingEventsOfABrandButNotCancelledOnes() {
        String kept = createEvent(openEvent("store-2", 10, false, 0));
        String cancelled = createEvent(openEvent("store-2", 10, false, 0));
        web.mutateWith(admin("ada", "brand-1"))
                .post()
                .uri("/api/events/{id}/cancel", cancelled)
                .exchange()
                .expectStatus()
                .isOk();

        List<String> ids = web
                .mutateWith(member("alice"))
                .get()
                .uri("/api/events?brandId=brand-1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .map(event -> (String) event.get("id"))
                .toList();
        assertThat(ids).contains(kept).doesNotContain(cancelled);
    }

    private void eventStatus(String event, String status) {
        web.mutateWith(member("alice"))
                .get()
                .uri("/api/events/{id}", event)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status);
    }

    @Test
    void decimalsStringsAndBooleansForNumbersAreRefusedNotRounded() {
        String brandAdmin = "admin-" + UUID.randomUUID();
        List<java.util.function.Consumer<Map<String, Object>>> changes = List.of(
                body -> body.put("capacity", 1.9),
                body -> body.put("capacity", "5"),
                body -> body.put("attendPoints", 1.9),
                body -> body.put("attendPoints", true),
                body -> body.put("walkInsAllowed", "true"),
                body -> body.put("title", 5),
                body -> body.put("startsAt", "+999999999-12-31T23:59:59Z"));
        for (var change : changes) {
            Map<String, Object> body = openEvent("store-1", 20, false, 0);
            change.accept(body);
            postEvent(admin(brandAdmin, "brand-1"), body)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        StepVerifier.create(mongo.count(Query.query(Criteria.where("createdBy").is(brandAdmin)), Event.class))
                .expectNext(0L)
                .verifyComplete();
    }
}
