package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The loops that cross services, through the gateway with real Keycloak tokens: a referral credits
 * both members' wallets, a store check-in credits the attendee's wallet and unlocks an event-exclusive
 * offer, and both still complete exactly once when offer-service is stopped in the middle.
 */
@ExtendWith(RunningStack.class)
class O2OLoopIT {

    private static final String BRAND = "demo-brand";
    /** Outboxes back off while offer-service is down; this is how long a test waits for them to deliver. */
    private static final Duration DELIVERY = Duration.ofSeconds(120);

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());

    @Test
    void referralCreditsWelcomeAndReferralPointsToBothMembersOnce() {
        String referrer = keycloak.newMemberToken("referrer");
        String referee = keycloak.newMemberToken("referee");
        String code = inviteCodeAfterJoining(referrer);

        Http.Reply joined = gateway.post("/api/members/me/brands/" + BRAND + "/membership", referee, inviteBody(code));

        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.json().get("referral").get("status").asString()).isEqualTo("ATTRIBUTED");
        List<JsonNode> referrerHistory = historyOnceItHas(referrer, "CLUB_JOIN", "REFERRAL_REFERRER");
        List<JsonNode> refereeHistory = historyOnceItHas(referee, "CLUB_JOIN", "REFERRAL_REFEREE");
        assertThat(activities(referrerHistory)).containsExactlyInAnyOrder("CLUB_JOIN", "REFERRAL_REFERRER");
        assertThat(activities(refereeHistory)).containsExactlyInAnyOrder("CLUB_JOIN", "REFERRAL_REFEREE");
        assertThat(balance(referrer)).isEqualTo(sum(referrerHistory)).isPositive();
        assertThat(balance(referee)).isEqualTo(sum(refereeHistory)).isPositive();
    }

    @Test
    void referralMadeWhileOfferServiceIsDownIsCreditedOnceItIsBack() throws Exception {
        String referrer = keycloak.newMemberToken("referrer");
        String referee = keycloak.newMemberToken("referee");
        String code = inviteCodeAfterJoining(referrer);
        historyOnceItHas(referrer, "CLUB_JOIN");

        stack.stopApp("offer-service");
        Http.Reply joined;
        try {
            joined = gateway.post("/api/members/me/brands/" + BRAND + "/membership", referee, inviteBody(code));
        } finally {
            stack.restartApp("offer-service");
        }

        assertThat(joined.status())
                .as("joining never waits for offer-service: " + joined)
                .isEqualTo(201);
        assertThat(joined.json().get("referral").get("status").asString()).isEqualTo("ATTRIBUTED");
        historyOnceItHas(referrer, "CLUB_JOIN", "REFERRAL_REFERRER");
        historyOnceItHas(referee, "CLUB_JOIN", "REFERRAL_REFEREE");
        Thread.sleep(6_000); // a few more relay rounds: nothing may arrive twice
        assertThat(activities(history(referrer))).containsExactlyInAnyOrder("CLUB_JOIN", "REFERRAL_REFERRER");
        assertThat(activities(history(referee))).containsExactlyInAnyOrder("CLUB_JOIN", "REFERRAL_REFEREE");
    }

    @Test
    void storeCheckInCreditsAttendancePointsAndUnlocksTheEventsExclusiveOffer() {
        String member = keycloak.newMemberToken("attendee");
        String eventId = eventAtDemoStore1(30);
        String offerId = exclusiveOfferFor(eventId);
        assertThat(eligibleOfferIds(member)).as("not yet attended").doesNotContain(offerId);

        rsvp(member, eventId);
        Http.Reply checkedIn = gateway.post("/api/checkins", keycloak.userToken("sam"), scan(member, eventId));

        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(201);
        List<JsonNode> history = historyOnceItHas(member, "CHECK_IN");
        assertThat(history)
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("points").asLong()).isEqualTo(30));
        assertThat(balance(member)).isEqualTo(30);
        assertThat(eventually(() -> eligibleOfferIds(member), ids -> ids.contains(offerId)))
                .as("the attended-event fact reached offer-service")
                .contains(offerId);
    }

    @Test
    void checkInWhileOfferServiceIsDownSucceedsAndItsPointsArriveExactlyOnce() throws Exception {
        String member = keycloak.newMemberToken("attendee");
        String eventId = eventAtDemoStore1(40);
        rsvp(member, eventId);
        String scan = scan(member, eventId);

        stack.stopApp("offer-service");
        Http.Reply checkedIn;
        try {
            checkedIn = gateway.post("/api/checkins", keycloak.userToken("sam"), scan);
        } finally {
            stack.restartApp("offer-service");
        }

        assertThat(checkedIn.status())
                .as("a check-in never fails for offer-service: " + checkedIn)
                .isEqualTo(201);
        historyOnceItHas(member, "CHECK_IN");
        Thread.sleep(6_000);
        assertThat(history(member)).singleElement().satisfies(entry -> {
            assertThat(entry.get("activity").asString()).isEqualTo("CHECK_IN");
            assertThat(entry.get("points").asLong()).isEqualTo(40);
        });
        assertThat(balance(member)).isEqualTo(40);
    }

    @Test
    void staffRecordAPurchaseByTheNumberOnTheMembersCard() {
        String member = keycloak.newMemberToken("shopper");
        Http.Reply joined = gateway.post("/api/members/me/brands/" + BRAND + "/membership", member, "{}");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        Http.Reply card = gateway.get("/api/members/me/brands/" + BRAND + "/card", member);
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        long memberNumber = card.json().get("memberNumber").asLong();
        String purchase =
                """
                {"brandId":"demo-brand","storeId":"demo-store-1","memberNumber":%d,
                 "receiptNumber":"IT-%d","amount":"42.00","currency":"CNY"}"""
                        .formatted(memberNumber, System.nanoTime());
        String sam = keycloak.userToken("sam");

        // member-service tells offer-service the number through its outbox, so the first try may be early.
        Http.Reply recorded =
                eventually(() -> gateway.post("/api/points/purchases", sam, purchase), reply -> reply.status() != 422);

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().get("memberId").asString())
                .isEqualTo(GatewayApiIT.claims(member).get("sub").asString());
        List<JsonNode> history = historyOnceItHas(member, "CLUB_JOIN", "PURCHASE");
        assertThat(balance(member)).isEqualTo(sum(history));
        Http.Reply repeated = gateway.post("/api/points/purchases", sam, purchase);
        assertThat(repeated.json().get("purchaseId").asString())
                .as("the same receipt again is the same purchase: " + repeated)
                .isEqualTo(recorded.json().get("purchaseId").asString());
    }

    private String inviteCodeAfterJoining(String member) {
        Http.Reply joined = gateway.post("/api/members/me/brands/" + BRAND + "/membership", member, "{}");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        Http.Reply invite = gateway.get("/api/members/me/brands/" + BRAND + "/invite", member);
        assertThat(invite.status()).as(invite.toString()).isEqualTo(200);
        return invite.json().get("code").asString();
    }

    private static String inviteBody(String code) {
        return "{\"inviteCode\":\"" + code + "\"}";
    }

    private String eventAtDemoStore1(int attendPoints) {
        Instant now = Instant.now();
        String event =
                """
                {"storeId":"demo-store-1","title":"Launch night","description":"Meet the makers",
                 "startsAt":"%s","endsAt":"%s","checkInOpensAt":"%s","checkInClosesAt":"%s",
                 "capacity":50,"walkInsAllowed":false,"attendPoints":%d}"""
                        .formatted(
                                now.minusSeconds(600),
                                now.plusSeconds(7200),
                                now.minusSeconds(600),
                                now.plusSeconds(3600),
                                attendPoints);
        Http.Reply created = gateway.post("/api/events", keycloak.userToken("ada"), event);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String exclusiveOfferFor(String eventId) {
        Instant now = Instant.now();
        String offer =
                """
                {"brandId":"demo-brand","type":"EVENT_EXCLUSIVE","title":"Attendee gift",
                 "validFrom":"%s","validUntil":"%s","redeemableStoreIds":["demo-store-1"],
                 "totalStock":10,"perMemberLimit":1,
                 "eligibility":{"facts":["attended-event:%s"]}}"""
                        .formatted(now.minusSeconds(60), now.plusSeconds(86_400), eventId);
        Http.Reply created = gateway.post("/api/offers", keycloak.userToken("ada"), offer);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void rsvp(String member, String eventId) {
        Http.Reply rsvp = gateway.post("/api/events/" + eventId + "/rsvp", member, "");
        assertThat(rsvp.status()).as(rsvp.toString()).isEqualTo(200);
        assertThat(rsvp.json().get("status").asString()).isEqualTo("CONFIRMED");
    }

    private String scan(String member, String eventId) {
        Http.Reply code = gateway.get("/api/events/" + eventId + "/checkin-token", member);
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        return "{\"token\":\"" + code.json().get("token").asString() + "\",\"eventId\":\"" + eventId + "\"}";
    }

    private List<String> eligibleOfferIds(String member) {
        Http.Reply offers = gateway.get("/api/offers?brandId=" + BRAND, member);
        assertThat(offers.status()).as(offers.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JsonNode list = offers.json().has("items") ? offers.json().get("items") : offers.json();
        list.forEach(offer -> ids.add(offer.get("id").asString()));
        return ids;
    }

    private long balance(String member) {
        Http.Reply points = gateway.get("/api/points/me?brandId=" + BRAND, member);
        assertThat(points.status()).as(points.toString()).isEqualTo(200);
        return points.json().get("balance").asLong();
    }

    private List<JsonNode> history(String member) {
        Http.Reply page = gateway.get("/api/points/me/history?brandId=" + BRAND + "&limit=100", member);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }

    private List<JsonNode> historyOnceItHas(String member, String... activities) {
        List<JsonNode> history =
                eventually(() -> history(member), entries -> activities(entries).containsAll(List.of(activities)));
        assertThat(activities(history))
                .as("points delivered within " + DELIVERY)
                .contains(activities);
        return history;
    }

    private static List<String> activities(List<JsonNode> history) {
        return history.stream().map(entry -> entry.get("activity").asString()).toList();
    }

    private static long sum(List<JsonNode> history) {
        return history.stream().mapToLong(entry -> entry.get("points").asLong()).sum();
    }

    /**
     * Polls until the condition holds or the delivery time is up, then returns the last value seen. A read that fails
     * its own assertions (for example a 503 while the gateway's circuit breaker for a restarted service is still open)
     * counts as "not yet"; the last such failure is rethrown if nothing better was seen by the deadline.
     */
    private static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(DELIVERY);
        while (true) {
            AssertionError failure = null;
            T value = null;
            try {
                value = read.get();
                if (done.test(value)) {
                    return value;
                }
            } catch (AssertionError notYet) {
                failure = notYet;
            }
            if (Instant.now().isAfter(deadline)) {
                if (failure != null) {
                    throw failure;
                }
                return value;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", interrupted);
            }
        }
    }
}
