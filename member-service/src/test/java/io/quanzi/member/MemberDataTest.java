package io.quanzi.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Profile edits, consents, and the member's export and erasure. */
class MemberDataTest extends MemberServiceTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void memberEditsAllowListedProfileFields() {
        String alice = newId("alice");

        web.mutateWith(member(alice))
                .patch()
                .uri("/api/members/me")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "displayName", "Alice Li",
                        "phone", "+8613800138000",
                        "locale", "zh-CN",
                        "avatarUrl", "https://cdn.example.com/a.png",
                        "preferredStores", Map.of("demo-brand", "demo-store-1")))
                .exchange()
                .expectStatus()
                .isOk();
        web.mutateWith(member(alice))
                .patch()
                .uri("/api/members/me")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", ""))
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode profile = getJson(member(alice), "/api/members/me");
        assertThat(profile.get("displayName").asString()).isEqualTo("Alice Li");
        assertThat(profile.get("email").asString()).isEqualTo(alice + "@example.com");
        assertThat(profile.get("phone").isNull()).isTrue();
        assertThat(profile.get("locale").asString()).isEqualTo("zh-CN");
        assertThat(profile.get("preferredStores").get("demo-brand").asString()).isEqualTo("demo-store-1");
    }

    @Test
    void consentOptInAndWithdrawalAreKeptAsHistory() {
        String alice = newId("alice");
        consent(alice, true, "marketing-v1", "APP");
        consent(alice, false, "marketing-v1", "IN_STORE");

        JsonNode consent = getJson(member(alice), "/api/members/me/consents/demo-brand");

        assertThat(consent.get("granted").asBoolean()).isFalse();
        assertThat(consent.get("channel").asString()).isEqualTo("IN_STORE");
        assertThat(consent.get("history")).hasSize(2);
        assertThat(consent.get("history").get(0).get("granted").asBoolean()).isTrue();
        assertThat(consent.get("history").get(0).get("textVersion").asString()).isEqualTo("marketing-v1");
        assertThat(consent.get("history").get(0).get("decidedAt").asString()).isNotBlank();
        assertThat(getJson(member(alice), "/api/members/me/consents")).hasSize(1);
    }

    @Test
    void consentForAnUnknownBrandIsNotFound() {
        web.mutateWith(member(newId("alice")))
                .post()
                .uri("/api/members/me/consents/no-such-brand")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("granted", true, "textVersion", "v1", "channel", "APP"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void exportHoldsEverythingAboutTheCaller() {
        String brandId = brandWithStore(null);
        String alice = newId("alice");
        String bob = newId("bob");
        getJson(member(alice), "/api/members/me");
        join(alice, brandId, Map.of());
        String code = inviteCode(alice, brandId);
        join(bob, brandId, Map.of("inviteCode", code));
        consent(bob, true, "v2", "WEB");

        JsonNode aliceExport = getJson(member(alice), "/api/members/me/export");
        JsonNode bobExport = getJson(member(bob), "/api/members/me/export");

        assertThat(aliceExport.get("memberId").asString()).isEqualTo(alice);
        assertThat(aliceExport.get("profile").get("displayName").asString()).isEqualTo("Member " + alice);
        assertThat(aliceExport.get("memberships").get(0).get("brandId").asString())
                .isEqualTo(brandId);
        assertThat(aliceExport.get("invites").get(0).get("code").asString()).isEqualTo(code);
        assertThat(aliceExport.get("membersInvited").asLong()).isEqualTo(1);
        assertThat(bobExport.get("referredBy").get(0).get("brandId").asString()).isEqualTo(brandId);
        assertThat(bobExport.get("consents").get(0).get("textVersion").asString())
                .isEqualTo("v2");
    }

    @Test
    void erasureRemovesPersonalDataAndKeepsMemberNumbersAndChainsUnlinked() {
        String brandId = brandWithStore(null);
        String alice = newId("alice");
        String bob = newId("bob");
        String carol = newId("carol");
        join(alice, brandId, Map.of());
        long bobNumber = join(bob, brandId, Map.of("inviteCode", inviteCode(alice, brandId)))
                .get("memberNumber")
                .asLong();
        String bobCode = inviteCode(bob, brandId);
        join(carol, brandId, Map.of("inviteCode", bobCode));
        consent(bob, true, "v1", "APP");
        web.mutateWith(member(bob))
                .patch()
                .uri("/api/members/me")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "+8613800138000"))
                .exchange()
                .expectStatus()
                .isOk();

        web.mutateWith(member(bob))
                .delete()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(count("member_profiles", "subject", bob)).isZero();
        assertThat(count("memberships", "memberId", bob)).isZero();
        assertThat(count("consents", "memberId", bob)).isZero();
        assertThat(count("referrals", "refereeId", bob)).isZero();
        assertThat(count("referrals", "ancestors", bob)).isZero();
        Document membership = mongo.findOne(
                        Query.query(Criteria.where("brandId")
                                .is(brandId)
                                .and("memberNumber")
                                .is(bobNumber)),
                        Document.class,
                        "memberships")
                .block();
        assertThat(membership.getString("status")).isEqualTo("ERASED");
        assertThat(membership.getString("memberId")).startsWith("erased-");
        Document carols = mongo.findOne(
                        Query.query(Criteria.where("brandId")
                                .is(brandId)
                                .and("refereeId")
                                .is(carol)),
                        Document.class,
                        "referrals")
                .block();
        assertThat(carols.getList("ancestors", String.class)).containsExactly(membership.getString("memberId"), alice);
        assertRefusedCode(brandId, bobCode);
        JsonNode after = getJson(member(bob), "/api/members/me/export");
        assertThat(after.get("memberships")).isEmpty();
        assertThat(after.get("consents")).isEmpty();
    }

    private void assertRefusedCode(String brandId, String code) {
        JsonNode joined = join(newId("dan"), brandId, Map.of("inviteCode", code));
        assertThat(joined.get("referral").get("type").asString()).isEqualTo("urn:quanzi:problem:unknown-invite-code");
    }

    private long count(String collection, String field, String value) {
        return mongo.count(Query.query(Criteria.where(field).is(value)), collection)
                .block();
    }

    private void consent(String subject, boolean granted, String version, String channel) {
        web.mutateWith(member(subject))
                .post()
                .uri("/api/members/me/consents/demo-brand")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("granted", granted, "textVersion", version, "channel", channel))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
