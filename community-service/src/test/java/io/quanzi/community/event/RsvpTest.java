package io.quanzi.community.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityApi;
import io.quanzi.community.support.CommunityApiTest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RsvpTest extends CommunityApiTest {

    @Autowired
    Rsvps rsvps;

    @Test
    void seatsGoFirstComeThenTheWaitlistIsPromotedInOrder() {
        String event = createEvent(openEvent("store-1", 2, false, 0));

        rsvp(event, "m1").containsEntry("status", "CONFIRMED");
        rsvp(event, "m2").containsEntry("status", "CONFIRMED");
        rsvp(event, "m3").containsEntry("status", "WAITLISTED").containsEntry("waitlistPosition", 1);
        rsvp(event, "m4").containsEntry("status", "WAITLISTED").containsEntry("waitlistPosition", 2);
        rsvp(event, "m3").as("asking again keeps the place").containsEntry("waitlistPosition", 1);

        cancel(event, "m1");
        assertThat(state(event, "m3")).isEqualTo(RsvpState.CONFIRMED);
        assertThat(state(event, "m4")).isEqualTo(RsvpState.WAITLISTED);
        rsvp(event, "m4").containsEntry("waitlistPosition", 1);

        cancel(event, "m2");
        assertThat(state(event, "m4")).isEqualTo(RsvpState.CONFIRMED);
        assertThat(seatsTaken(event)).isEqualTo(2);

        rsvp(event, "m1")
                // a member who cancelled queues again, at the end
                .containsEntry("status", "WAITLISTED")
                .containsEntry("waitlistPosition", 1);
    }

    @Test
    void cancellingAWaitlistedPlaceFreesNoSeat() {
        String event = createEvent(openEvent("store-1", 1, false, 0));
        rsvp(event, "m1");
        rsvp(event, "m2").containsEntry("status", "WAITLISTED");
        rsvp(event, "m3").containsEntry("waitlistPosition", 2);

        cancel(event, "m2");

        assertThat(state(event, "m1")).isEqualTo(RsvpState.CONFIRMED);
        rsvp(event, "m3").containsEntry("status", "WAITLISTED").containsEntry("waitlistPosition", 1);
    }

    @Test
    void concurrentRsvpsNeverExceedTheCapacity() {
        String event = createEvent(openEvent("store-1", 5, false, 0));

        StepVerifier.create(Flux.range(0, 40)
                        .flatMap(
                                i -> rsvps.rsvp(event, "member-" + (i % 30), null)
                                        .subscribeOn(Schedulers.parallel()),
                                40)
                        .then())
                .verifyComplete();

        assertThat(count(event, RsvpState.CONFIRMED)).isEqualTo(5);
        assertThat(count(event, RsvpState.WAITLISTED)).isEqualTo(25);
        assertThat(seatsTaken(event)).isEqualTo(5);
    }

    @Test
    void concurrentCancellationsPromoteExactlyAsManyAsSeatsFreed() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        IntStream.range(0, 20).forEach(i -> rsvp(event, "m" + i));

        StepVerifier.create(Flux.range(0, 6)
                        .flatMap(i -> rsvps.cancel(event, "m" + i).subscribeOn(Schedulers.parallel()), 6)
                        .then())
                .verifyComplete();

        assertThat(count(event, RsvpState.CONFIRMED)).isEqualTo(10);
        assertThat(seatsTaken(event)).isEqualTo(10);
        List<RsvpState> promoted =
                IntStream.range(10, 20).mapToObj(i -> state(event, "m" + i)).toList();
        assertThat(promoted.subList(0, 6)).as("the six oldest waiting").containsOnly(RsvpState.CONFIRMED);
        assertThat(promoted.subList(6, 10)).containsOnly(RsvpState.WAITLISTED);
    }

    @Test
    void raisingTheCapacityPromotesAndLoweringItBelowSeatsTakenIsRefused() {
        Map<String, Object> body = openEvent("store-1", 1, false, 0);
        String event = createEvent(body);
        rsvp(event, "m1");
        rsvp(event, "m2");
        rsvp(event, "m3");

        body.put("capacity", 2);
        web.mutateWith(admin("ada", "brand-1"))
                .put()
                .uri("/api/events/{id}", event)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.seatsTaken")
                .isEqualTo(2);
        assertThat(state(event, "m2")).isEqualTo(RsvpState.CONFIRMED);
        assertThat(state(event, "m3")).isEqualTo(RsvpState.WAITLISTED);

        body.put("capacity", 1);
        web.mutateWith(admin("ada", "brand-1"))
                .put()
                .uri("/api/events/{id}", event)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:capacity-below-seats-taken");
        assertThat(seatsTaken(event)).isEqualTo(2);
    }

    @Test
    void myEventsListsWhereTheMemberHoldsAPlace() {
        String booked = createEvent(openEvent("store-1", 1, false, 0));
        String waiting = createEvent(openEvent("store-2", 1, false, 0));
        rsvp(booked, "me-1");
        rsvp(waiting, "other");
        rsvp(waiting, "me-1");

        web.mutateWith(member("me-1"))
                .get()
                .uri("/api/events/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[?(@.event.id == '" + booked + "')].rsvp")
                .isEqualTo("CONFIRMED")
                .jsonPath("$[?(@.event.id == '" + waiting + "')].waitlistPosition")
                .isEqualTo(1);
    }

    @Test
    void rsvpToACancelledOrUnknownEventIsRefused() {
        String event = createEvent(openEvent("store-1", 5, false, 0));
        web.mutateWith(admin("ada", "brand-1"))
                .post()
                .uri("/api/events/{id}/cancel", event)
                .exchange()
                .expectStatus()
                .isOk();

        rsvpAs("m1", event)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:event-cancelled");
        rsvpAs("m1", "64b000000000000000000000").expectStatus().isNotFound();
    }

    @Test
    void communityRestrictedEventsAreForActiveMembersOfThatCommunityOnly() {
        CommunityApi communities = new CommunityApi(web);
        String club = communities.createCommunity("ada", "brand-1", "CLUB", "OPEN", null);
        communities.joined("insider", club);
        Map<String, Object> body = openEvent("store-1", 5, false, 0);
        body.put("communityId", club);
        String event = createEvent(body);

        rsvp(event, "insider").containsEntry("status", "CONFIRMED");
        rsvpAs("outsider", event)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:community-members-only");
        assertThat(state(event, "outsider")).isEqualTo(RsvpState.NONE);
    }

    @Test
    void attendeesAreForTheStoresStaffAndTheBrandsAdminsOnly() {
        String event = createEvent(openEvent("store-1", 5, false, 0));
        rsvp(event, "m1");

        web.mutateWith(staff("sam", "store-1"))
                .get()
                .uri("/api/events/{id}/attendees", event)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].memberId")
                .isEqualTo("m1")
                .jsonPath("$[0].status")
                .isEqualTo("CONFIRMED");
        web.mutateWith(admin("ada", "brand-1"))
                .get()
                .uri("/api/events/{id}/attendees", event)
                .exchange()
                .expectStatus()
                .isOk();
        web.mutateWith(staff("kim", "store-2"))
                .get()
                .uri("/api/events/{id}/attendees", event)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:not-your-event");
        web.mutateWith(admin("otto", "brand-9"))
                .get()
                .uri("/api/events/{id}/attendees", event)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(member("m1"))
                .get()
                .uri("/api/events/{id}/attendees", event)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void attendeesCarryNamesSeatsAndCheckInStateAndAreSearchedByName() {
        String event = createEvent(openEvent("store-1", 2, false, 0));
        rsvpNamed(event, "m-alice", "Alice Wong");
        rsvpNamed(event, "m-bob", "Bob Li");
        rsvp(event, "m-anon");
        cancel(event, "m-alice");
        rsvpNamed(event, "m-alice", "Alice W.");

        attendees(event, "")
                .jsonPath("$[0].memberId")
                .isEqualTo("m-bob")
                .jsonPath("$[0].memberName")
                .isEqualTo("Bob Li")
                .jsonPath("$[0].seat")
                .isEqualTo(2)
                .jsonPath("$[1].memberId")
                // promoted from the waitlist when Alice cancelled: the next seat number
                .isEqualTo("m-anon")
                .jsonPath("$[1].seat")
                .isEqualTo(3)
                .jsonPath("$[1].memberName")
                .doesNotExist()
                .jsonPath("$[2].memberName")
                // the name of the latest RSVP
                .isEqualTo("Alice W.")
                .jsonPath("$[2].status")
                .isEqualTo("WAITLISTED")
                .jsonPath("$[2].seat")
                .doesNotExist()
                .jsonPath("$[2].checkedInAt")
                .doesNotExist();

        attendees(event, "?q=alice")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].memberId")
                .isEqualTo("m-alice");
        attendees(event, "?q=m-anon").jsonPath("$[0].memberId").isEqualTo("m-anon");
        attendees(event, "?q=I&limit=1")
                .jsonPath("$.length()")
                // Bob Li and Alice W. match, the limit keeps one
                .isEqualTo(1);
        attendees(event, "?q=.*")
                .jsonPath("$.length()")
                // q is text, not a pattern
                .isEqualTo(0);
        web.mutateWith(staff("sam", "store-1"))
                .get()
                .uri("/api/events/" + event + "/attendees?limit=500")
                .exchange()
                .expectStatus()
                .isBadRequest();
        web.mutateWith(staff("sam", "store-1"))
                .get()
                .uri("/api/events/" + event + "/attendees?q=" + "x".repeat(81))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json");
    }

    private WebTestClient.BodyContentSpec attendees(String event, String query) {
        return web.mutateWith(staff("sam", "store-1"))
                .get()
                .uri("/api/events/" + event + "/attendees" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private void rsvpNamed(String event, String member, String name) {
        web.mutateWith(namedMember(member, name))
                .post()
                .uri("/api/events/{id}/rsvp", event)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private org.assertj.core.api.MapAssert<String, Object> rsvp(String event, String memberId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = rsvpAs(memberId, event)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return assertThat(body);
    }

    private void cancel(String event, String memberId) {
        web.mutateWith(member(memberId))
                .delete()
                .uri("/api/events/{id}/rsvp", event)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private RsvpState state(String event, String memberId) {
        return rsvps.state(event, memberId).block();
    }

    private long count(String event, RsvpState state) {
        return mongo.count(
                        Query.query(Criteria.where("eventId")
                                .is(event)
                                .and("status")
                                .is(state.name())),
                        Rsvp.class)
                .block();
    }

    private int seatsTaken(String event) {
        return mongo.findById(event, Event.class).block().confirmedCount();
    }
}
