package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Deleting an account reaches every service: a member who joined the club, posted, checked in, earned points and
 * redeemed a coupon is deleted, and then their id is in no database of member-, community- or offer-service, while
 * the ledger, the stock and the event's counts still add up under the pseudonym.
 */
@ExtendWith(RunningStack.class)
class ErasureIT {

    private static final String BRAND = "demo-brand";
    private static final Duration DELIVERY = Duration.ofSeconds(120);

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());
    private final Stores stores = new Stores(stack);

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void deletedMemberIsInNoDatabaseAndEveryCountStillAddsUp() throws Exception {
        // A last name of its own, so its copies (post author, RSVP, community member names) can be looked for.
        String member = keycloak.newMemberToken("erased" + Long.toString(System.nanoTime(), 36));
        String memberId = GatewayApiIT.claims(member).get("sub").asString();
        String name = GatewayApiIT.claims(member).get("name").asString();
        String ada = keycloak.userToken("ada");
        String sam = keycloak.userToken("sam");

        assertThat(gateway.post("/api/members/me/brands/" + BRAND + "/membership", member, "{}")
                        .status())
                .isEqualTo(201);
        String community = created(gateway.post(
                "/api/communities",
                ada,
                """
                {"brandId":"demo-brand","name":"Erasure club %s","description":"Open to all",
                 "kind":"CLUB","joinPolicy":"OPEN","tags":["it"]}"""
                        .formatted(UUID.randomUUID())));
        assertThat(gateway.post("/api/communities/" + community + "/join", member, "{}")
                        .status())
                .isIn(200, 201);
        created(gateway.post("/api/communities/" + community + "/posts", member, "{\"text\":\"Hello all\"}"));
        String event = created(gateway.post("/api/events", ada, event(30)));
        assertThat(gateway.post("/api/events/" + event + "/rsvp", member, "").status())
                .isEqualTo(200);
        Http.Reply code = gateway.get("/api/events/" + event + "/checkin-token", member);
        assertThat(gateway.post(
                                "/api/checkins",
                                sam,
                                "{\"token\":\"" + code.json().get("token").asString() + "\",\"eventId\":\"" + event
                                        + "\"}")
                        .status())
                .isEqualTo(201);
        String offer = created(gateway.post("/api/offers", ada, coupon()));
        Http.Reply claimed = gateway.post(
                "/api/offers/" + offer + "/claims", member, null, "Idempotency-Key", "it-" + UUID.randomUUID());
        String coupon = created(claimed);
        Http.Reply qr = gateway.get("/api/coupons/" + coupon + "/qr-token", member);
        Http.Reply redeemed = gateway.post(
                "/api/coupons/redemptions",
                sam,
                "{\"token\":\"" + qr.json().get("token").asString() + "\",\"storeId\":\"demo-store-1\"}");
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        // Every award the steps above earn, so none lands after the balance is read (the sum is compared with it).
        long balance = awaitPoints(member, "CLUB_JOIN", "FIRST_POST", "CHECK_IN");
        assertThat(mentions(memberId))
                .as("the member's data is everywhere before")
                .isNotEmpty();
        assertThat(mentions(name))
                .as("the member's name is stored with their post, RSVP and community membership")
                .isNotEmpty();
        long rsvps = stores.count(stores.community(), "event_rsvps", Filters.eq("eventId", event));
        long checkIns = stores.count(stores.community(), "checkins", Filters.eq("eventId", event));

        Http.Reply deleted = gateway.send("DELETE", "/api/members/me", member, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);

        Instant deadline = Instant.now().plus(DELIVERY);
        while (!mentions(memberId).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(mentions(memberId))
                .as("documents that still mention " + memberId)
                .isEmpty();
        assertThat(mentions(name))
                .as("documents that still hold the member's name " + name)
                .isEmpty();
        String pseudonym = stores.member()
                .getCollection("member_erasures")
                .find()
                .sort(Sorts.descending("erasedAt"))
                .first()
                .getString("_id");
        assertThat(stores.balancesNotEqualToEntries(BRAND)).isEmpty();
        assertThat(stores.sum(
                        stores.offer(),
                        "points_entries",
                        Filters.and(Filters.eq("memberId", pseudonym), Filters.eq("state", "APPLIED")),
                        "points"))
                .as("the ledger keeps the pseudonym's sum")
                .isEqualTo(balance);
        JsonNode stock = gateway.get("/api/offers/managed/" + offer, ada).json();
        long issued = stores.count(stores.offer(), "coupons", Filters.eq("offerId", offer));
        assertThat(issued).isEqualTo(1);
        assertThat(stock.get("remainingStock").asLong() + issued)
                .as("stock + issued = total: " + stock)
                .isEqualTo(stock.get("totalStock").asLong());
        assertThat(stores.count(stores.offer(), "coupons", Filters.eq("memberId", pseudonym)))
                .isEqualTo(1);
        assertThat(stores.count(stores.community(), "event_rsvps", Filters.eq("eventId", event)))
                .isEqualTo(rsvps);
        assertThat(stores.count(stores.community(), "checkins", Filters.eq("eventId", event)))
                .isEqualTo(checkIns)
                .isEqualTo(1);
        assertThat(stores.count(
                        stores.community(),
                        "community_posts",
                        Filters.and(Filters.eq("authorId", pseudonym), Filters.eq("authorName", null))))
                .isEqualTo(1);
        assertThat(stores.count(stores.member(), "member_profiles", Filters.eq("_id", memberId)))
                .isZero();
    }

    @Test
    void exportGathersEveryServicesDataAboutTheMember() {
        String member = keycloak.newMemberToken("exported");
        assertThat(gateway.post("/api/members/me/brands/" + BRAND + "/membership", member, "{}")
                        .status())
                .isEqualTo(201);
        awaitPoints(member, "CLUB_JOIN");

        Http.Reply export = gateway.get("/api/members/me/export", member);

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode services = export.json().get("services");
        assertThat(services.get("offer-service").has("points_accounts"))
                .as(export.body())
                .isTrue();
        assertThat(services.get("community-service").has("unavailable")).isFalse();
    }

    /** Every document of the three services' databases whose text holds the id, as {@code database/collection}. */
    private List<String> mentions(String text) {
        List<String> found = new ArrayList<>();
        for (MongoDatabase db : List.of(stores.member(), stores.community(), stores.offer())) {
            for (String collection : db.listCollectionNames()) {
                for (Document document : db.getCollection(collection).find()) {
                    if (document.toJson().contains(text)) {
                        found.add(db.getName() + "/" + collection + "/" + document.get("_id"));
                    }
                }
            }
        }
        return found;
    }

    private long awaitPoints(String member, String... activities) {
        Instant deadline = Instant.now().plus(DELIVERY);
        while (true) {
            Http.Reply page = gateway.get("/api/points/me/history?brandId=" + BRAND + "&limit=100", member);
            List<String> seen = new ArrayList<>();
            if (page.status() == 200) {
                page.json()
                        .get("items")
                        .forEach(item -> seen.add(item.get("activity").asString()));
            }
            if (seen.containsAll(List.of(activities)) || Instant.now().isAfter(deadline)) {
                assertThat(seen).contains(activities);
                Http.Reply points = gateway.get("/api/points/me?brandId=" + BRAND, member);
                return points.json().get("balance").asLong();
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }

    private static String created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static String event(int attendPoints) {
        Instant now = Instant.now();
        return """
                {"storeId":"demo-store-1","title":"Erasure night","description":"Meet the makers",
                 "startsAt":"%s","endsAt":"%s","checkInOpensAt":"%s","checkInClosesAt":"%s",
                 "capacity":50,"walkInsAllowed":false,"attendPoints":%d}"""
                .formatted(
                        now.minusSeconds(600),
                        now.plusSeconds(7200),
                        now.minusSeconds(600),
                        now.plusSeconds(3600),
                        attendPoints);
    }

    private static String coupon() {
        Instant now = Instant.now();
        return """
                {"brandId":"demo-brand","type":"DISCOUNT_COUPON","title":"Erasure coffee","description":"One refill",
                 "validFrom":"%s","validUntil":"%s","redeemableStoreIds":["demo-store-1"],
                 "totalStock":5,"perMemberLimit":1}"""
                .formatted(now.minusSeconds(60), now.plus(Duration.ofDays(1)));
    }
}
