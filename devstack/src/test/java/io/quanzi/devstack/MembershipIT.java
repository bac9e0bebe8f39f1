package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Brand clubs, member cards and referrals through the gateway with real Keycloak tokens. The
 * offer-service calls that joining causes go through member-service's outbox; whether
 * offer-service takes them is not this test's business: the member's action never depends on it.
 */
@ExtendWith(RunningStack.class)
class MembershipIT {

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());

    @Test
    void aliceJoinsInvitesBobAndAdaSeesBothWhileOttoCannot() {
        String alice = keycloak.userToken("alice");
        String bob = keycloak.userToken("bob");

        Http.Reply aliceJoined = gateway.send("POST", "/api/members/me/brands/demo-brand/membership", alice, "{}");
        assertThat(aliceJoined.status()).as(aliceJoined.toString()).isIn(200, 201);
        long aliceNumber = aliceJoined.json().get("memberNumber").asLong();
        assertThat(aliceNumber).isPositive();

        Http.Reply card = gateway.get("/api/members/me/brands/demo-brand/card", alice);
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        assertThat(card.json().get("memberNumber").asLong()).isEqualTo(aliceNumber);
        assertThat(card.json().get("brandName").asString()).isEqualTo("Demo Brand");
        assertThat(card.json().get("qrSvgDataUrl").asString()).startsWith("data:image/svg+xml;base64,");
        Http.Reply qr = gateway.get("/api/members/me/brands/demo-brand/card/qr.svg", alice);
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.contentType()).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg");

        Http.Reply invite = gateway.get("/api/members/me/brands/demo-brand/invite", alice);
        assertThat(invite.status()).as(invite.toString()).isEqualTo(200);
        String code = invite.json().get("code").asString();
        assertThat(code).matches("[0-9A-Z]{8}");
        assertThat(invite.json().get("link").asString()).endsWith("/join/" + code);

        Http.Reply bobJoined = gateway.send(
                "POST", "/api/members/me/brands/demo-brand/membership", bob, "{\"inviteCode\":\"" + code + "\"}");
        assertThat(bobJoined.status()).as(bobJoined.toString()).isEqualTo(201);
        JsonNode bobMembership = bobJoined.json();
        assertThat(bobMembership.get("source").asString()).isEqualTo("REFERRAL");
        assertThat(bobMembership.get("referral").get("status").asString()).isEqualTo("ATTRIBUTED");
        long bobNumber = bobMembership.get("memberNumber").asLong();
        assertThat(bobNumber).isNotEqualTo(aliceNumber);

        // Bob sees only himself, whatever he asks for.
        Http.Reply bobsCard = gateway.get("/api/members/me/brands/demo-brand/card?memberId=alice", bob);
        assertThat(bobsCard.json().get("memberNumber").asLong()).isEqualTo(bobNumber);
        Http.Reply bobsExport = gateway.get("/api/members/me/export", bob);
        assertThat(bobsExport.status()).isEqualTo(200);
        assertThat(bobsExport.body()).doesNotContain(code);
        assertThat(bobsExport.json().get("memberId").asString())
                .isEqualTo(GatewayApiIT.claims(bob).get("sub").asString());
        Http.Reply bobsInvite = gateway.get("/api/members/me/brands/demo-brand/invite", bob);
        assertThat(bobsInvite.json().get("code").asString()).isNotEqualTo(code);

        // Brand admins: ada manages demo-brand, otto does not; members are not admins.
        Http.Reply adaList = gateway.get("/api/brands/demo-brand/members?limit=200", keycloak.userToken("ada"));
        assertThat(adaList.status()).as(adaList.toString()).isEqualTo(200);
        java.util.List<Long> listed = new java.util.ArrayList<>();
        adaList.json()
                .get("items")
                .forEach(item -> listed.add(item.get("memberNumber").asLong()));
        assertThat(listed).contains(aliceNumber, bobNumber);
        Http.Reply ottoList = gateway.get("/api/brands/demo-brand/members", keycloak.userToken("otto"));
        GatewayApiIT.assertProblem(ottoList, 403, "urn:quanzi:problem:not-brand-admin-of-brand");
        Http.Reply aliceList = gateway.get("/api/brands/demo-brand/members", alice);
        assertThat(aliceList.status()).isEqualTo(403);

        Http.Reply board = gateway.get("/api/brands/demo-brand/referrals/leaderboard", keycloak.userToken("ada"));
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        assertThat(board.json().get("convertedInvites").asLong()).isPositive();
    }

    @Test
    void brandsAndStoresAreSeededAndServedToOtherServices() {
        Http.Reply stores = gateway.get("/api/brands/demo-brand/stores", keycloak.userToken("bob"));
        assertThat(stores.status()).as(stores.toString()).isEqualTo(200);
        // The seeded stores first, in id order; the browser specs on the same stack may have added one.
        assertThat(stores.json().findValuesAsString("id")).startsWith("demo-store-1", "demo-store-2");

        Http.Reply internal = new Api(
                        "http://127.0.0.1:" + stack.settings().ports().member())
                .get("/internal/stores/demo-store-2", keycloak.serviceToken("community-service"));
        assertThat(internal.status()).as(internal.toString()).isEqualTo(200);
        assertThat(internal.json().get("brandId").asString()).isEqualTo("demo-brand");
    }

    @Test
    void invalidPhoneIsAProblemAndChangesNothing() {
        String alice = keycloak.userToken("alice");

        Http.Reply reply = gateway.send("PATCH", "/api/members/me", alice, "{\"phone\":\"12345\"}");

        GatewayApiIT.assertProblem(reply, 400, "urn:quanzi:problem:validation");
        assertThat(gateway.get("/api/members/me", alice).json().get("phone").isNull())
                .isTrue();
    }
}
