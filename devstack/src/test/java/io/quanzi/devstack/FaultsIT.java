package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code kill -9} of a service in the middle of a stream of member actions, then a restart: nothing acknowledged is
 * lost, nothing is applied twice, no claim stays half-done. Every invariant is read from the services' own databases
 * once the stack has settled. The members retry what failed with the same idempotency key, as the app does.
 *
 * <p>Sizes are bounded for {@code ./mvnw verify}: {@code quanzi.faults.members} members (default 40) each check in
 * to and claim {@code quanzi.faults.rounds} events and offers (default 4): 160 check-ins and 160 claims. The
 * issue's full size, 1,000 of each, is {@code -Dquanzi.faults.members=100 -Dquanzi.faults.rounds=10}.
 */
@ExtendWith(RunningStack.class)
class FaultsIT {

    private static final int MEMBERS = Integer.getInteger("quanzi.faults.members", 40);
    private static final int ROUNDS = Integer.getInteger("quanzi.faults.rounds", 4);
    private static final int STOCK = MEMBERS / 2;
    private static final String BRAND = "demo-brand";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private static Stores stores;

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());
    private final Random random = new Random(14);

    @BeforeAll
    static void stores() {
        stores = new Stores(RunningStack.stack());
    }

    @AfterAll
    static void close() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void offerServiceKilledDuringCheckInsAndClaimsLosesAndDoublesNothing() throws Exception {
        // Fresh members each test: their access tokens live 5 minutes.
        List<String> members = keycloak.newMemberTokens("fault", MEMBERS);
        String admin = keycloak.userToken("ada");
        String staff = keycloak.userToken("sam");
        List<String> events = new ArrayList<>();
        List<String> offers = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            events.add(eventWithRsvps(admin, members));
            offers.add(offer(admin));
        }
        List<Callable<String>> stream = new ArrayList<>();
        Map<String, String> claimKeys = new ConcurrentHashMap<>();
        for (String event : events) {
            for (String member : members) {
                stream.add(() -> scanOnce(event, member, staff));
            }
        }
        for (String offer : offers) {
            for (String member : members) {
                String key = "fault-" + UUID.randomUUID();
                claimKeys.put(key, offer + " " + member);
                stream.add(() -> claimOnce(offer, member, key));
            }
        }
        Collections.shuffle(stream, random);

        List<String> answers = runWhileKilling(stream, "offer-service");

        // Every scan went to community-service, which stayed up: each answered 201.
        assertThat(answers.stream().filter(a -> a.startsWith("scan "))).allMatch(a -> a.equals("scan 201"));
        // Claims that failed while offer-service was down are repeated with their own key until they have an answer.
        Map<String, String> outcome = new ConcurrentHashMap<>();
        ExecutorService retries = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Map.Entry<String, String> claim : claimKeys.entrySet()) {
                String[] offerAndMember = claim.getValue().split(" ");
                done.add(retries.submit(() -> outcome.put(
                        claim.getKey(), finalClaimAnswer(offerAndMember[0], offerAndMember[1], claim.getKey()))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            retries.shutdownNow();
        }

        for (String event : events) {
            awaitPointsOfEvent(event, MEMBERS);
        }
        awaitNoHalfDoneClaims(offers);
        for (String event : events) {
            assertOneCheckInEachAndPointsOnce(event, MEMBERS);
        }
        long issuedAnswers =
                outcome.values().stream().filter(a -> a.equals("issued")).count();
        long coupons = 0;
        for (String offer : offers) {
            long issued = stores.count(stores.offer(), "coupons", Filters.eq("offerId", offer));
            long left = stores.sum(stores.offer(), "offer_stock_buckets", Filters.eq("offerId", offer), "remaining");
            assertThat(left + issued)
                    .as("stock + issued coupons = total stock of " + offer)
                    .isEqualTo(STOCK);
            assertThat(issued)
                    .as("a drop with more members than stock sells out")
                    .isEqualTo(STOCK);
            assertThat(stores.offer()
                            .getCollection("coupons")
                            .distinct("memberId", Filters.eq("offerId", offer), String.class)
                            .into(new ArrayList<>()))
                    .as("no member holds two coupons of one offer")
                    .hasSize((int) issued);
            coupons += issued;
        }
        assertThat(issuedAnswers).as("every coupon was answered to its member").isEqualTo(coupons);
        assertBalancesEqualTheirEntries();
    }

    @Test
    void communityServiceKilledInACheckInRushChecksEachMemberInOnce() throws Exception {
        List<String> members = keycloak.newMemberTokens("rush", MEMBERS);
        String admin = keycloak.userToken("ada");
        String staff = keycloak.userToken("sam");
        List<String> events = List.of(eventWithRsvps(admin, members), eventWithRsvps(admin, members));
        List<Callable<String>> rush = new ArrayList<>();
        for (String event : events) {
            for (String member : members) {
                rush.add(() -> scanOnce(event, member, staff));
            }
        }
        Collections.shuffle(rush, random);

        runWhileKilling(rush, "community-service");

        // Staff scan again whoever was not answered (a fresh code each time): 201, or 409 already checked in.
        for (String event : events) {
            for (String member : members) {
                String answer =
                        retry(() -> scanOnce(event, member, staff), a -> a.equals("scan 201") || a.equals("scan 409"));
                assertThat(answer).isIn("scan 201", "scan 409");
            }
        }
        for (String event : events) {
            awaitPointsOfEvent(event, MEMBERS);
            assertOneCheckInEachAndPointsOnce(event, MEMBERS);
        }
        assertBalancesEqualTheirEntries();
    }

    @Test
    void memberServiceKilledDuringReferralJoinsRewardsEachReferralOnce() throws Exception {
        // Fresh members: the referral rules count a member's first club join only.
        int referrers = Math.max(1, MEMBERS / 20);
        List<String> people = keycloak.newMemberTokens("referral", referrers + MEMBERS / 2);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < referrers; i++) {
            assertThat(join(people.get(i), null).status()).isEqualTo(201);
            Http.Reply invite = gateway.get("/api/members/me/brands/" + BRAND + "/invite", people.get(i));
            assertThat(invite.status()).as(invite.toString()).isEqualTo(200);
            codes.add(invite.json().get("code").asString());
        }
        List<String> referees = people.subList(referrers, people.size());
        List<Callable<String>> joins = new ArrayList<>();
        for (int i = 0; i < referees.size(); i++) {
            String referee = referees.get(i);
            String code = codes.get(i % referrers);
            joins.add(() -> "join " + join(referee, code).status());
        }

        runWhileKilling(joins, "member-service");

        for (int i = 0; i < referees.size(); i++) {
            String referee = referees.get(i);
            String code = codes.get(i % referrers);
            String answer = retry(
                    () -> "join " + join(referee, code).status(), a -> a.equals("join 201") || a.equals("join 200"));
            assertThat(answer).isIn("join 201", "join 200");
        }
        List<String> refereeIds = referees.stream().map(FaultsIT::subject).toList();
        awaitTrue(
                () -> stores.count(
                                stores.offer(),
                                "points_entries",
                                Filters.and(
                                        Filters.regex("clientKey", "^club-join:" + BRAND + ":"),
                                        Filters.in("memberId", refereeIds),
                                        Filters.eq("state", "APPLIED")))
                        == refereeIds.size(),
                "every joined member's welcome points applied");
        for (String referee : refereeIds) {
            assertThat(stores.count(
                            stores.member(),
                            "memberships",
                            Filters.and(Filters.eq("brandId", BRAND), Filters.eq("memberId", referee))))
                    .as("one club membership for " + referee)
                    .isEqualTo(1);
            assertThat(stores.count(
                            stores.offer(),
                            "points_entries",
                            Filters.regex("clientKey", "^club-join:" + BRAND + ":" + Pattern.quote(referee) + "$")))
                    .as("welcome points once for " + referee)
                    .isEqualTo(1);
        }
        long referrals = stores.count(stores.member(), "referrals", Filters.in("refereeId", refereeIds));
        assertThat(referrals).as("each referee referred at most once").isLessThanOrEqualTo(refereeIds.size());
        awaitTrue(
                () -> stores.count(
                                stores.offer(),
                                "points_entries",
                                Filters.and(
                                        Filters.regex("clientKey", "^referral:" + BRAND + ":.*:referee$"),
                                        Filters.in("memberId", refereeIds),
                                        Filters.eq("state", "APPLIED")))
                        == referrals,
                "every referral's referee reward applied");
        assertThat(stores.count(
                        stores.offer(),
                        "points_entries",
                        Filters.and(
                                Filters.regex("clientKey", "^referral:" + BRAND + ":.*:referee$"),
                                Filters.in("memberId", refereeIds))))
                .as("each referral rewarded once")
                .isEqualTo(referrals);
        assertBalancesEqualTheirEntries();
    }

    // ---- the stream and the kill --------------------------------------------------------------------------------

    /**
     * Runs the calls 16 at a time; when a quarter has been answered, {@code kill -9} the app and start it again while
     * the rest keep coming. Returns every call's answer (failed calls answer what the gateway said: 503).
     */
    private List<String> runWhileKilling(List<Callable<String>> calls, String app) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Callable<String> call : calls) {
                answers.add(pool.submit(() -> {
                    try {
                        return call.call();
                    } finally {
                        done.incrementAndGet();
                    }
                }));
            }
            awaitTrue(() -> done.get() >= calls.size() / 4, "a quarter of the stream answered");
            long pid = stack.pid(app);
            assertThat(new ProcessBuilder("kill", "-9", Long.toString(pid))
                            .start()
                            .waitFor())
                    .isZero();
            stack.restartApp(app);
            List<String> result = new ArrayList<>();
            for (Future<String> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private String scanOnce(String event, String member, String staff) {
        Http.Reply code = gateway.get("/api/events/" + event + "/checkin-token", member);
        if (code.status() != 200) {
            return "token " + code.status();
        }
        String scan = "{\"token\":\"" + code.json().get("token").asString() + "\",\"eventId\":\"" + event + "\"}";
        return "scan " + gateway.post("/api/checkins", staff, scan).status();
    }

    private String claimOnce(String offer, String member, String key) {
        Http.Reply reply = gateway.post("/api/offers/" + offer + "/claims", member, null, "Idempotency-Key", key);
        return "claim " + reply.status();
    }

    /** Repeats a claim with its key until it has a final answer: issued, or refused (sold out, limit reached). */
    private String finalClaimAnswer(String offer, String member, String key) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        while (Instant.now().isBefore(deadline)) {
            Http.Reply reply = gateway.post("/api/offers/" + offer + "/claims", member, null, "Idempotency-Key", key);
            if (reply.status() == 200 || reply.status() == 201) {
                return "issued";
            }
            if (reply.status() == 409) {
                String type = reply.json().get("type").asString();
                if (!type.endsWith(":claim-in-progress")) {
                    return "refused " + type;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("claim " + key + " has no final answer after " + SETTLE);
    }

    private static String retry(Callable<String> call, java.util.function.Predicate<String> done) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        String answer = call.call();
        while (!done.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            answer = call.call();
        }
        return answer;
    }

    // ---- invariants ---------------------------------------------------------------------------------------------

    private void awaitPointsOfEvent(String event, int expected) throws InterruptedException {
        awaitTrue(
                () -> stores.count(
                                stores.offer(),
                                "points_entries",
                                Filters.and(
                                        Filters.regex("clientKey", "^checkin:" + Pattern.quote(event) + ":"),
                                        Filters.eq("state", "APPLIED")))
                        >= expected,
                "the attendance points of event " + event);
    }

    private void assertOneCheckInEachAndPointsOnce(String event, int expected) throws InterruptedException {
        // An award applied while its answer was lost (the kill) is acknowledged on the relay's next try.
        awaitTrue(
                () -> stores.count(
                                stores.community(),
                                "checkins",
                                Filters.and(Filters.eq("eventId", event), pointsNotDone()))
                        == 0,
                "every points delivery of " + event + " acknowledged");
        assertThat(stores.count(stores.community(), "checkins", Filters.eq("eventId", event)))
                .as("one check-in per member at " + event)
                .isEqualTo(expected);
        assertThat(stores.community()
                        .getCollection("checkins")
                        .distinct("memberId", Filters.eq("eventId", event), String.class)
                        .into(new ArrayList<>()))
                .hasSize(expected);
        assertThat(stores.count(
                        stores.offer(),
                        "points_entries",
                        Filters.regex("clientKey", "^checkin:" + Pattern.quote(event) + ":")))
                .as("each check-in's points credited exactly once")
                .isEqualTo(expected);
        assertThat(stores.count(
                        stores.community(), "checkins", Filters.and(Filters.eq("eventId", event), pointsNotDone())))
                .as("every points delivery acknowledged")
                .isZero();
    }

    /** A check-in whose points entry (community-service's outbox, kind {@code checkin-points}) is not DONE. */
    private static Bson pointsNotDone() {
        return Filters.elemMatch(
                "outbox", Filters.and(Filters.eq("kind", "checkin-points"), Filters.ne("state", "DONE")));
    }

    private void awaitNoHalfDoneClaims(List<String> offers) throws InterruptedException {
        awaitTrue(
                () -> stores.count(
                                stores.offer(),
                                "offer_claims",
                                Filters.and(
                                        Filters.in("offerId", offers),
                                        Filters.in("state", "RESERVED", "PAID", "FAILED")))
                        == 0,
                "no claim left half-done");
    }

    /**
     * Every balance of the brand equals the sum of its APPLIED entries, once no entry is still PENDING: an earning in
     * flight (a referrer's reward, say) is applied to the account a moment before its entry is settled.
     */
    private void assertBalancesEqualTheirEntries() throws InterruptedException {
        awaitTrue(() -> stores.pendingPointsEntries(BRAND) == 0, "every points entry settled");
        assertThat(stores.balancesNotEqualToEntries(BRAND))
                .as("balances equal their entries")
                .isEmpty();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + SETTLE + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    // ---- set-up -------------------------------------------------------------------------------------------------

    private String eventWithRsvps(String admin, List<String> who) throws Exception {
        Instant now = Instant.now();
        String body =
                """
                {"storeId":"demo-store-1","title":"Fault rush","description":"kill -9 at the door",
                 "startsAt":"%s","endsAt":"%s","checkInOpensAt":"%s","checkInClosesAt":"%s",
                 "capacity":%d,"walkInsAllowed":false,"attendPoints":10}"""
                        .formatted(
                                now.minusSeconds(600),
                                now.plusSeconds(7200),
                                now.minusSeconds(600),
                                now.plusSeconds(3600),
                                who.size() + 10);
        Http.Reply created = gateway.post("/api/events", admin, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String event = created.json().get("id").asString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> rsvps = new ArrayList<>();
            for (String member : who) {
                rsvps.add(pool.submit(() -> gateway.post("/api/events/" + event + "/rsvp", member, "")
                        .status()));
            }
            for (Future<Integer> rsvp : rsvps) {
                assertThat(rsvp.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        return event;
    }

    private String offer(String admin) {
        Instant now = Instant.now();
        String body =
                """
                {"brandId":"%s","type":"DISCOUNT_COUPON","title":"Fault drop","description":"kill -9 mid-claim",
                 "validFrom":"%s","validUntil":"%s","redeemableStoreIds":["demo-store-1"],
                 "totalStock":%d,"perMemberLimit":1}"""
                        .formatted(BRAND, now.minusSeconds(60), now.plus(Duration.ofDays(1)), STOCK);
        Http.Reply created = gateway.post("/api/offers", admin, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Http.Reply join(String member, String code) {
        String body = code == null ? "{}" : "{\"inviteCode\":\"" + code + "\"}";
        return gateway.post("/api/members/me/brands/" + BRAND + "/membership", member, body);
    }

    private static String subject(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return Document.parse(payload).getString("sub");
    }
}
