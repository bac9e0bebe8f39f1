package io.quanzi.community.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import io.quanzi.platform.test.EmbeddedMongo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A brand admin reads the communities one member is in at that brand, with status and role. */
class MemberCommunitiesTest extends CommunityTestSupport {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "member-communities-test");
    }

    @Test
    void theBrandsAdminSeesTheMembersCommunitiesWithStatusAndRole() {
        String open = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        String approval = api.createCommunity(ada, BRAND, "INTEREST_CIRCLE", "APPROVAL_REQUIRED", null);
        String elsewhere = api.createCommunity("otto", "other-brand", "CLUB", "OPEN", null);
        api.joined(alice, open);
        api.join(alice, approval).expectStatus().isOk();
        api.joined(alice, elsewhere);
        api.joined(bob, open);

        List<?> rows = web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .get()
                .uri("/api/communities/brands/{b}/members/{m}/memberships", BRAND, alice)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();

        assertThat(rows).hasSize(2);
        List<Object> ids = rows.stream()
                .map(row -> (Object) ((Map<?, ?>) row).get("communityId"))
                .toList();
        assertThat(ids).containsExactlyInAnyOrder(open, approval);
        Map<?, ?> club = (Map<?, ?>) rows.stream()
                .filter(r -> open.equals(((Map<?, ?>) r).get("communityId")))
                .findFirst()
                .orElseThrow();
        assertThat(club.get("name")).isEqualTo("Runners CLUB");
        assertThat(club.get("kind")).isEqualTo("CLUB");
        assertThat(club.get("status")).isEqualTo("ACTIVE");
        assertThat(club.get("role")).isEqualTo("MEMBER");
        assertThat(club.get("joinedAt")).isNotNull();
        Map<?, ?> pending = (Map<?, ?>) rows.stream()
                .filter(r -> approval.equals(((Map<?, ?>) r).get("communityId")))
                .findFirst()
                .orElseThrow();
        assertThat(pending.get("status")).isEqualTo("PENDING");
    }

    @Test
    void othersAreRefusedAndBadIdsAreProblems() {
        String path = "/api/communities/brands/" + BRAND + "/members/" + alice + "/memberships";
        web.mutateWith(Tokens.brandAdmin("otto", "other-brand"))
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.mutateWith(Tokens.member(alice))
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(Tokens.staff("sam"))
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .get()
                .uri("/api/communities/brands/{b}/members/{m}/memberships", BRAND, "bad id!")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
