package io.quanzi.bench;

import io.quanzi.bench.Burst.Call;
import io.quanzi.bench.Keycloak.Member;
import io.quanzi.bench.Samples.Figures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The load harness: {@code bench/run.sh} builds and runs this. It starts the dev stack on a fresh data folder, makes
 * the bench members, runs each scenario as warm-up then alternating rounds of the raw baseline and the API (so a
 * neighbour's build slows both alike), checks the invariants after every round and writes the figures to
 * {@code docs/benchmarks.md}.
 */
public final class Bench {

    static final String BRAND = "demo-brand";
    static final String STORE = "demo-store-1";

    /**
     * Small bursts before a scenario's measured rounds. A few hundred calls leave the JIT compiling the hot paths
     * during the measured burst (a third of the CPU of the apps serving it, async-profiler found); eight rounds of
     * 200 bring them to the steady state a service that has been up a while is in.
     */
    private static final int WARM_UPS = Integer.getInteger("bench.warmups", 8);

    private final BenchStack stack;
    private final Load load;
    private final Raw raw;
    private final Invariants invariants;
    private final Report report;
    private final Profiles profiles;
    private final int memberCount;
    private final Random random = new Random(14);
    private List<Member> members;
    private String admin;
    private String staff;
    private String service;

    private Bench(BenchStack stack, Load load, Raw raw, Report report, int memberCount) {
        this.stack = stack;
        this.load = load;
        this.raw = raw;
        this.invariants = new Invariants(raw);
        this.report = report;
        this.profiles = new Profiles(stack, stack.settings.home().resolve("bench/target/jfr"));
        this.memberCount = memberCount;
    }

    public static void main(String[] args) throws Exception {
        Path home =
                Path.of(System.getProperty("quanzi.home", ".")).toAbsolutePath().normalize();
        int memberCount = Integer.parseInt(System.getProperty("bench.members", "1000"));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "2"));
        String only = System.getProperty("bench.only", "");
        BenchStack.Settings settings = BenchStack.Settings.fromEnvironment(home);
        Report report = new Report(home, memberCount, rounds, String.join(" ", args));
        try (BenchStack stack = new BenchStack(settings)) {
            System.out.println("Starting the dev stack (fresh data in " + settings.dataDir() + ")…");
            double coldStart = stack.startFresh(Duration.ofSeconds(300));
            System.out.printf("  all healthy in %.1f s%n", coldStart);
            Thread.sleep(10_000);
            long idle = stack.residentMegabytes();
            System.out.println("  resident idle: " + idle + " MB " + stack.residentByComponent());
            report.startup(coldStart, idle, stack.residentByComponent());
            try (Raw raw = new Raw(settings.mongoUri())) {
                Bench bench =
                        new Bench(stack, new Load(home.resolve("bench/target/gatling")), raw, report, memberCount);
                bench.prepare();
                if (only.isEmpty() || only.contains("gateway")) {
                    bench.gatewayOverhead(rounds);
                }
                if (only.isEmpty() || only.contains("drop")) {
                    bench.flashDrop(rounds);
                }
                if (only.isEmpty() || only.contains("checkin")) {
                    bench.checkInRush(rounds);
                }
                if (only.isEmpty() || only.contains("points")) {
                    bench.pointsMix(rounds);
                }
            }
            long after = stack.residentMegabytes();
            System.out.println("  resident after the scenarios: " + after + " MB " + stack.residentByComponent());
            report.afterScenarios(after, stack.residentByComponent());
        }
        report.write();
        System.out.println(
                report.failures() == 0 ? "All invariants held." : report.failures() + " invariant(s) broke.");
        System.exit(report.failures() == 0 ? 0 : 1);
    }

    private void prepare() {
        Keycloak keycloak = new Keycloak(stack.settings.keycloakUrl());
        keycloak.prepareRealm();
        long started = System.nanoTime();
        members = keycloak.members("bench", memberCount);
        System.out.printf(
                "  %d bench members and their tokens in %.1f s%n", members.size(), (System.nanoTime() - started) / 1e9);
        admin = keycloak.userToken("ada", "ada-demo");
        staff = keycloak.userToken("sam", "sam-demo");
        service = keycloak.serviceToken("community-service");
        // Profiles are made on the first GET /api/members/me: do it once for everyone (also warms the path up).
        Http.parallel(members.size(), 8, i -> Http.sendPatiently(
                        "GET",
                        stack.settings.gatewayUrl() + "/api/members/me",
                        members.get(i).token(),
                        null)
                .expect(200));
    }

    /** Runs one measured round and records the CPU every process used during it. */
    private Figures cpu(Supplier<Figures> round) {
        CpuUse.Reading before = stack.startReading();
        Figures figures = round.get();
        report.cpu(figures, CpuUse.since(before, stack.endReading(), ""));
        return figures;
    }

    private String gateway(String path) {
        return stack.settings.gatewayUrl() + path;
    }

    private String direct(String module, String path) {
        return stack.settings.serviceUrl(module) + path;
    }

    // 1. Gateway overhead -------------------------------------------------------------------------------------

    private void gatewayOverhead(int rounds) {
        System.out.println("Scenario 1: gateway overhead");
        int calls = 2 * members.size();
        // 2,000 calls a second: more than either path answers, so each figure is what that path can serve. (Over
        // 2 s, the direct paths answered as fast as the calls came, which capped them at the offered 1,000/s.)
        Duration window = Duration.ofSeconds(1);
        List<Call> meGateway = meCalls(gateway("/api/members/me"), calls);
        List<Call> meDirect = meCalls(direct("member-service", "/api/members/me"), calls);
        List<Call> jwksGateway = publicCalls(gateway("/api/checkins/jwks"), calls);
        List<Call> jwksDirect = publicCalls(direct("community-service", "/api/checkins/jwks"), calls);
        load.run("warm-up members/me gateway", meGateway.subList(0, calls / 2), window);
        load.run("warm-up members/me direct", meDirect.subList(0, calls / 2), window);
        load.run("warm-up jwks gateway", jwksGateway.subList(0, calls / 2), window);
        load.run("warm-up jwks direct", jwksDirect.subList(0, calls / 2), window);
        raw.findById("warm-up raw findOne", calls);
        profiles.start("gateway", List.of("gateway", "member-service"));
        for (int round = 1; round <= rounds; round++) {
            String n = " #" + round;
            report.add("gateway", "raw findOne by id", cpu(() -> raw.findById("raw findOne by id" + n, calls)));
            report.add("gateway", "members/me direct", cpu(() -> load.run("members/me direct" + n, meDirect, window)));
            report.add(
                    "gateway", "members/me gateway", cpu(() -> load.run("members/me gateway" + n, meGateway, window)));
            report.add("gateway", "jwks direct", cpu(() -> load.run("jwks direct" + n, jwksDirect, window)));
            report.add("gateway", "jwks gateway", cpu(() -> load.run("jwks gateway" + n, jwksGateway, window)));
        }
        profiles.stop("gateway", List.of("gateway", "member-service"));
    }

    private List<Call> meCalls(String url, int count) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(new Call("get", url, members.get(i % members.size()).token(), null, null));
        }
        return calls;
    }

    private static List<Call> publicCalls(String url, int count) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(new Call("get", url, null, null, null));
        }
        return calls;
    }

    // 2. Flash drop --------------------------------------------------------------------------------------------

    private void flashDrop(int rounds) {
        System.out.println("Scenario 2: flash drop (stock " + members.size() + ", limit 1, two claims per member)");
        // A cold JVM is several times slower: warm up with small drops spread out in time first.
        int warmStock = Math.min(100, members.size());
        for (int i = 0; i < WARM_UPS; i++) {
            String warm = createOffer(warmStock);
            load.run(
                    "warm-up drop " + (i + 1),
                    claimCalls(warm, members.subList(0, warmStock), 2),
                    Duration.ofSeconds(3));
        }
        raw.conditionalUpdates("warm-up raw conditional updates", 2 * members.size());
        List<String> serving = List.of("gateway", "offer-service", "launcher");
        profiles.start("drop", serving);
        for (int round = 1; round <= rounds; round++) {
            String n = " #" + round;
            report.add(
                    "drop",
                    "raw conditional updates",
                    cpu(() -> raw.conditionalUpdates("raw conditional updates" + n, 2 * members.size())));
            String offer = createOffer(members.size());
            List<Call> claims = claimCalls(offer, members, 2);
            Figures figures = cpu(() -> load.run("flash drop claims" + n, claims, Duration.ofSeconds(1)));
            report.add("drop", "claims via gateway", figures);
            report.check("drop #" + round, invariants.drop(offer, members.size(), figures, Duration.ofSeconds(180)));
        }
        profiles.stop("drop", serving);
    }

    private String createOffer(int stock) {
        Instant now = Instant.now();
        String body =
                """
                {"brandId":"%s","type":"DISCOUNT_COUPON","title":"Bench drop","description":"Flash drop",
                 "validFrom":"%s","validUntil":"%s","redeemableStoreIds":["%s"],
                 "totalStock":%d,"perMemberLimit":1}"""
                        .formatted(BRAND, now.minusSeconds(60), now.plus(Duration.ofDays(1)), STORE, stock);
        return Http.sendPatiently("POST", gateway("/api/offers"), admin, body)
                .expect(201)
                .json()
                .getString("id");
    }

    private List<Call> claimCalls(String offerId, List<Member> who, int perMember) {
        List<Call> calls = new ArrayList<>();
        for (Member member : who) {
            for (int i = 0; i < perMember; i++) {
                calls.add(new Call(
                        "claim",
                        gateway("/api/offers/" + offerId + "/claims"),
                        member.token(),
                        null,
                        "bench-" + UUID.randomUUID()));
            }
        }
        Collections.shuffle(calls, random);
        return calls;
    }

    // 3. Check-in rush -----------------------------------------------------------------------------------------

    private void checkInRush(int rounds) {
        System.out.println("Scenario 3: check-in rush (" + members.size() + " members scanned by one staff member)");
        int warm = Math.min(100, members.size());
        for (int i = 0; i < WARM_UPS; i++) {
            int from = (i * warm) % members.size();
            List<Member> some = members.subList(from, Math.min(members.size(), from + warm));
            String warmEvent = eventWithRsvps(some);
            load.run("warm-up check-ins " + (i + 1), scanCalls(warmEvent, some), Duration.ofSeconds(2));
        }
        raw.uniqueInserts("warm-up raw unique inserts", members.size());
        List<String> serving = List.of("gateway", "community-service", "offer-service", "launcher");
        profiles.start("checkin", serving);
        for (int round = 1; round <= rounds; round++) {
            String n = " #" + round;
            report.add(
                    "checkin",
                    "raw unique inserts",
                    cpu(() -> raw.uniqueInserts("raw unique inserts" + n, members.size())));
            String event = eventWithRsvps(members);
            List<Call> scans = scanCalls(event, members);
            // The scans' CPU includes their deliveries (points, fact, milestone) until the last points are applied.
            CpuUse.Reading before = stack.startReading();
            Figures figures = load.run("check-in scans #" + round, scans, Duration.ofSeconds(1));
            report.add("checkin", "scans via gateway", figures);
            Invariants.PointsLag lag = invariants.checkInPoints(event, Duration.ofSeconds(120));
            report.cpu(figures, CpuUse.since(before, stack.endReading(), "until the points were applied"));
            report.lag(lag);
            report.check("check-in #" + round, invariants.checkIns(event, members.size(), figures, lag));
        }
        profiles.stop("checkin", serving);
    }

    private String eventWithRsvps(List<Member> who) {
        Instant now = Instant.now();
        String body =
                """
                {"storeId":"%s","title":"Bench rush","description":"Door rush",
                 "startsAt":"%s","endsAt":"%s","checkInOpensAt":"%s","checkInClosesAt":"%s",
                 "capacity":%d,"walkInsAllowed":false,"attendPoints":10}"""
                        .formatted(
                                STORE,
                                now.minusSeconds(600),
                                now.plusSeconds(7200),
                                now.minusSeconds(600),
                                now.plusSeconds(3600),
                                who.size() + 10);
        String event = Http.sendPatiently("POST", gateway("/api/events"), admin, body)
                .expect(201)
                .json()
                .getString("id");
        Http.parallel(who.size(), 8, i -> Http.sendPatiently(
                        "POST",
                        gateway("/api/events/" + event + "/rsvp"),
                        who.get(i).token(),
                        null)
                .expect(200));
        return event;
    }

    /** Fetches each member's rotating check-in token (valid 45 s) right before the scans. */
    private List<Call> scanCalls(String event, List<Member> who) {
        List<String> tokens = Http.parallel(who.size(), 8, i -> Http.sendPatiently(
                        "GET",
                        gateway("/api/events/" + event + "/checkin-token"),
                        who.get(i).token(),
                        null)
                .expect(200)
                .json()
                .getString("token"));
        List<Call> calls = new ArrayList<>();
        for (String token : tokens) {
            String body = "{\"token\":\"" + token + "\",\"eventId\":\"" + event + "\",\"deviceId\":\"bench-till\"}";
            calls.add(new Call("post", gateway("/api/checkins"), staff, body, null));
        }
        Collections.shuffle(calls, random);
        return calls;
    }

    // 4. Points earn/spend mix ---------------------------------------------------------------------------------

    private void pointsMix(int rounds) {
        System.out.println("Scenario 4: points earn/reverse mix through the internal API (direct to offer-service)");
        int calls = 2 * members.size();
        load.run("warm-up earns", pointsCalls(calls, "warm", 0), Duration.ofSeconds(1));
        raw.inserts("warm-up raw inserts", calls);
        profiles.start("points", List.of("offer-service", "launcher"));
        for (int round = 1; round <= rounds; round++) {
            String n = " #" + round;
            report.add("points", "raw inserts", cpu(() -> raw.inserts("raw inserts" + n, calls)));
            List<Call> mix = pointsCalls(calls, "r" + round + "-" + System.nanoTime(), round);
            Figures figures = cpu(() -> load.run("points earn/reverse" + n, mix, Duration.ofSeconds(1)));
            report.add("points", "earn/reverse internal", figures);
            report.check("points #" + round, invariants.balances(BRAND, figures, Duration.ofSeconds(30)));
        }
        profiles.stop("points", List.of("offer-service", "launcher"));
    }

    /**
     * Four earns to one reversal. The warm-up earns {@code bench-warm-{i}} for member {@code i mod N}; round r reverses
     * the next fifth of those, so no earning is taken back twice.
     */
    private List<Call> pointsCalls(int count, String run, int round) {
        List<Call> calls = new ArrayList<>();
        String url = direct("offer-service", "/internal/points");
        for (int i = 0; i < count; i++) {
            if (round > 0 && i % 5 == 4) {
                int target = ((round - 1) * (count / 5) + i / 5) % count;
                Member owner = members.get(target % members.size());
                String body =
                        """
                        {"idempotencyKey":"bench-rev-%s-%d","memberId":"%s","brandId":"%s","reversesKey":"bench-warm-%d","reason":"bench reversal"}"""
                                .formatted(run, i, owner.subject(), BRAND, target);
                calls.add(new Call("post", url + "/reverse", service, body, null));
            } else {
                Member member = members.get(i % members.size());
                String key = round == 0 ? "bench-warm-" + i : "bench-" + run + "-" + i;
                String body =
                        """
                        {"idempotencyKey":"%s","memberId":"%s","brandId":"%s","activity":"CHECK_IN","sourceRef":"bench","points":10}"""
                                .formatted(key, member.subject(), BRAND);
                calls.add(new Call("post", url + "/earn", service, body, null));
            }
        }
        Collections.shuffle(calls, random);
        return calls;
    }
}
