package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An in-store event end to end through the gateway with real Keycloak tokens: a brand admin creates it, a member
 * RSVPs and shows her rotating code, staff of another store are refused, staff of the event's store check her in
 * exactly once.
 */
@ExtendWith(RunningStack.class)
class CheckinIT {

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());

    @Test
    void staffOfTheEventsStoreCheckAMemberInOnceAndOtherStoresStaffAreRefused() {
        Instant now = Instant.now();
        String event =
                """
                {"storeId":"demo-store-1","title":"Tasting night","description":"New season teas",
                 "startsAt":"%s","endsAt":"%s","checkInOpensAt":"%s","checkInClosesAt":"%s",
                 "capacity":20,"walkInsAllowed":false,"attendPoints":25}"""
                        .formatted(
                                now.minusSeconds(600),
                                now.plusSeconds(7200),
                                now.minusSeconds(600),
                                now.plusSeconds(3600));
        Http.Reply created = gateway.post("/api/events", keycloak.userToken("ada"), event);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("brandId").asString()).isEqualTo("demo-brand");
        String eventId = created.json().get("id").asString();

        String alice = keycloak.userToken("alice");
        Http.Reply rsvp = gateway.post("/api/events/" + eventId + "/rsvp", alice, "");
        assertThat(rsvp.status()).as(rsvp.toString()).isEqualTo(200);
        assertThat(rsvp.json().get("status").asString()).isEqualTo("CONFIRMED");

        Http.Reply code = gateway.get("/api/events/" + eventId + "/checkin-token", alice);
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        String token = code.json().get("token").asString();
        String scan = "{\"token\":\"" + token + "\",\"eventId\":\"" + eventId + "\",\"deviceId\":\"till-1\"}";

        Http.Reply kim = gateway.post("/api/checkins", keycloak.userToken("kim"), scan);
        assertThat(kim.status()).as(kim.toString()).isEqualTo(403);
        assertThat(kim.json().get("type").asString()).isEqualTo("urn:quanzi:problem:wrong-store");

        String sam = keycloak.userToken("sam");
        Http.Reply checkedIn = gateway.post("/api/checkins", sam, scan);
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(201);
        assertThat(checkedIn.json().get("status").asString()).isEqualTo("CHECKED_IN");
        String aliceId = checkedIn.json().get("memberId").asString();

        Http.Reply again = gateway.post("/api/checkins", sam, scan);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:quanzi:problem:already-checked-in");
        assertThat(again.json().get("detail").asString()).startsWith("Already checked in at ");

        Http.Reply attendees = gateway.get("/api/events/" + eventId + "/attendees", sam);
        assertThat(attendees.status()).as(attendees.toString()).isEqualTo(200);
        assertThat(attendees.json().get(0).get("memberId").asString()).isEqualTo(aliceId);
        assertThat(attendees.json().get(0).get("checkedInAt").isNull()).isFalse();
    }
}
