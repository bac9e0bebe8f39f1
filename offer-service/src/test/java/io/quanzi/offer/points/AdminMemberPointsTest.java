package io.quanzi.offer.points;

import io.quanzi.offer.support.OfferTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A brand admin reads one member's wallet at that brand: balance, tier and history. */
class AdminMemberPointsTest extends OfferTestSupport {

    @Test
    void theBrandsAdminReadsTheMembersBalanceTierAndHistory() {
        earn(memberId, brand, "CHECK_IN", 120L, "admin-read-earn");
        web.mutateWith(brandAdmin("ada", brand))
                .post()
                .uri("/api/points/brands/{brand}/adjustments", brand)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "memberId", memberId, "points", -20, "reason", "Duplicate check-in", "idempotencyKey", "adj-1"))
                .exchange()
                .expectStatus()
                .isCreated();

        web.mutateWith(brandAdmin("ada", brand))
                .get()
                .uri("/api/points/brands/{brand}/members/{member}", brand, memberId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.memberId")
                .isEqualTo(memberId)
                .jsonPath("$.balance")
                .isEqualTo(100)
                .jsonPath("$.lifetimeEarned")
                .isEqualTo(120)
                .jsonPath("$.tier.name")
                .isNotEmpty();
        web.mutateWith(brandAdmin("ada", brand))
                .get()
                .uri("/api/points/brands/{brand}/members/{member}/history?limit=5", brand, memberId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].type")
                .isEqualTo("ADJUST")
                .jsonPath("$.items[0].reason")
                .isEqualTo("Duplicate check-in")
                .jsonPath("$.items[0].points")
                .isEqualTo(-20)
                .jsonPath("$.items[1].points")
                .isEqualTo(120);
    }

    @Test
    void othersAreRefusedAndBadIdsAreProblems() {
        earn(memberId, brand, "CHECK_IN", 50L, "admin-refuse-earn");
        for (String path : new String[] {"", "/history"}) {
            String uri = "/api/points/brands/" + brand + "/members/" + memberId + path;
            web.mutateWith(brandAdmin("otto", "other-brand"))
                    .get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            web.mutateWith(member(memberId))
                    .get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            web.mutateWith(staff("sam", "store-1"))
                    .get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        web.mutateWith(brandAdmin("ada", brand))
                .get()
                .uri("/api/points/brands/{brand}/members/{member}/history?limit=0", brand, memberId)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.mutateWith(brandAdmin("ada", brand))
                .get()
                .uri("/api/points/brands/{brand}/members/{member}/history?cursor=nope", brand, memberId)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
