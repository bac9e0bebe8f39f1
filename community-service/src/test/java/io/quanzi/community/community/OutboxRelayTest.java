package io.quanzi.community.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import io.quanzi.community.support.StubServer;
import io.quanzi.platform.outbox.OutboxEntry;
import io.quanzi.platform.outbox.OutboxRelay;
import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The membership-fact and first-post outbox entries on the platform relay, against a stub offer-service. */
class OutboxRelayTest extends CommunityTestSupport {

    static final StubServer offer = new StubServer();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OutboxRelay facts;

    @Autowired
    CommunityMemberships memberships;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "outbox-relay-test");
        registry.add("quanzi.community.offer-service-url", offer::url);
        registry.add("quanzi.community.member-service-url", offer::url);
        registry.add("quanzi.service-client.token-uri", () -> offer.url() + "/token");
        // The schedule stays out of the way: each test runs the relay itself.
        registry.add("quanzi.outbox.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        offer.close();
    }

    @BeforeEach
    void offerServiceAcknowledges() {
        offer.respond(
                request -> StubServer.Response.status(request.path().equals("/internal/points/earn") ? 201 : 204));
    }

    @Test
    void joiningPushesTheCommunityFactAndLeavingWithdrawsIt() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);

        facts.relayDue().block();

        assertThat(factsOf(alice))
                .containsExactly(
                        Map.of("memberId", alice, "brandId", BRAND, "fact", "community:" + id, "present", true));
        assertThat(membership(id).outbox()).noneMatch(OutboxEntry::pending);

        api.leave(alice, id).expectStatus().isOk();
        facts.relayDue().block();

        assertThat(factsOf(alice))
                .hasSize(2)
                .last()
                .isEqualTo(Map.of("memberId", alice, "brandId", BRAND, "fact", "community:" + id, "present", false));
        facts.relayDue().block();
        assertThat(factsOf(alice)).as("nothing is sent twice once acknowledged").hasSize(2);
    }

    @Test
    void joiningTheCoreGroupPushesTheCoreGroupFact() {
        String id = api.createCommunity(ada, BRAND, "CORE_GROUP", "INVITE_ONLY", null);
        api.invite(Tokens.brandAdmin(ada, BRAND), id, alice).expectStatus().isCreated();
        api.acceptInvitation(alice, id).expectStatus().isOk();

        facts.relayDue().block();

        assertThat(factsOf(alice))
                .extracting(fact -> fact.get("fact"))
                .containsExactly("community:" + id, "core-group:" + id);
    }

    @Test
    void factIsRetriedAfterAnOutageUntilAcknowledged() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        offer.respond(request -> StubServer.Response.status(503));

        facts.relayDue().block();

        CommunityMembership waiting = membership(id);
        OutboxEntry queued = waiting.outbox().get(0);
        assertThat(queued.pending()).isTrue();
        assertThat(queued.attempts()).isEqualTo(1);
        assertThat(queued.nextAttemptAt()).isAfter(Instant.now());

        offer.respond(request -> StubServer.Response.status(204));
        facts.relayDue().block();
        assertThat(membership(id).outbox().get(0).pending())
                .as("not retried before its time")
                .isTrue();

        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(waiting.id())),
                        new Update().set("outbox.0.nextAttemptAt", Instant.now().minusSeconds(1)),
                        CommunityMembership.class)
                .block();
        facts.relayDue().block();
        assertThat(membership(id).outbox()).noneMatch(OutboxEntry::pending);
        assertThat(factsOf(alice))
                .last()
                .extracting(fact -> fact.get("present"))
                .isEqualTo(true);
    }

    @Test
    void permanentRefusalMarksTheFactFailedInsteadOfRetryingForever() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        offer.respond(request -> StubServer.Response.of(400, "{\"type\":\"urn:quanzi:problem:validation\"}"));

        facts.relayDue().block();

        CommunityMembership failed = membership(id);
        assertThat(failed.outbox().get(0).state()).isEqualTo(OutboxEntry.State.FAILED);
        int sent = offer.requests("/internal/facts").size();
        facts.relayDue().block();
        assertThat(offer.requests("/internal/facts")).as("never sent again").hasSize(sent);
    }

    @Test
    void firstPostEarnsPointsOnceWithTheFirstPostKey() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        api.posted(alice, id, "hello");
        api.posted(alice, id, "again");

        facts.relayDue().block();
        facts.relayDue().block();

        List<JsonNode> earns = offer.requests("/internal/points/earn").stream()
                .map(request -> JSON.readTree(request.body()))
                .filter(body -> body.get("memberId").asString().equals(alice))
                .toList();
        assertThat(earns).hasSize(1);
        JsonNode earn = earns.get(0);
        assertThat(earn.get("idempotencyKey").asString()).isEqualTo("first-post:" + id + ":" + alice);
        assertThat(earn.get("activity").asString()).isEqualTo("FIRST_POST");
        assertThat(earn.get("brandId").asString()).isEqualTo(BRAND);
    }

    private List<Map<String, Object>> factsOf(String member) {
        return offer.requests("/internal/facts").stream()
                .map(request -> (Map<String, Object>) JSON.readValue(request.body(), Map.class))
                .filter(body -> member.equals(body.get("memberId")))
                .toList();
    }

    private CommunityMembership membership(String id) {
        return memberships.membership(id, alice).block();
    }
}
