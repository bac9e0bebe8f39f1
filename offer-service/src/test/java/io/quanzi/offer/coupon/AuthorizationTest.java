package io.quanzi.offer.coupon;

import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.offer.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may do what: roles, coupon ownership, staff store scope, brand admin scope. */
class AuthorizationTest extends OfferServiceTest {

    @Test
    void memberCannotReadAnotherMembersCoupon() {
        String alice = newMemberId();
        String couponId = claimCoupon(alice, createOffer());

        expectProblem(
                web.mutateWith(Tokens.member(newMemberId()))
                        .get()
                        .uri("/api/coupons/{id}", couponId)
                        .exchange(),
                404,
                "coupon-not-found");
        web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/coupons/{id}", couponId)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void memberCannotGetAQrTokenForAnotherMembersCoupon() {
        String couponId = claimCoupon(newMemberId(), createOffer());

        expectProblem(qrTokenOf(newMemberId(), couponId), 404, "coupon-not-found");
    }

    @Test
    void membersListOnlyTheirOwnCoupons() {
        String offerId = createOffer();
        String alice = newMemberId();
        String aliceCoupon = claimCoupon(alice, offerId);
        claimCoupon(newMemberId(), offerId);

        web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/coupons/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(aliceCoupon);
    }

    @Test
    void staffCannotRedeemAtAStoreNotInTheirStoreIds() {
        String member = newMemberId();
        String token = qrToken(member, claimCoupon(member, createOffer()));

        expectProblem(redeem(token, STORE, OTHER_STORE), 403, "not-staff-of-store");
        expectProblem(
                web.mutateWith(Tokens.staff("staff-without-stores"))
                        .post()
                        .uri("/api/coupons/redemptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("token", token, "storeId", STORE))
                        .exchange(),
                403,
                "not-staff-of-store");
        redeem(token, STORE).expectStatus().isOk();
    }

    @Test
    void membersCannotRedeem() {
        String member = newMemberId();
        String token = qrToken(member, claimCoupon(member, createOffer()));

        expectProblem(
                web.mutateWith(Tokens.member(member))
                        .post()
                        .uri("/api/coupons/redemptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("token", token, "storeId", STORE))
                        .exchange(),
                403,
                "forbidden");
    }

    @Test
    void membersCannotCallAdminEndpoints() {
        String offerId = createOffer();
        JwtMutator member = Tokens.member(newMemberId());

        expectProblem(postOffer(member, offerBody()), 403, "forbidden");
        expectProblem(
                web.mutateWith(member)
                        .patch()
                        .uri("/api/offers/{id}", offerId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("title", "mine now"))
                        .exchange(),
                403,
                "forbidden");
        for (String action : new String[] {"pause", "resume", "close"}) {
            expectProblem(
                    web.mutateWith(member)
                            .post()
                            .uri("/api/offers/{id}/" + action, offerId)
                            .exchange(),
                    403,
                    "forbidden");
        }
        expectProblem(
                web.mutateWith(member)
                        .get()
                        .uri("/api/offers/managed?brandId=" + BRAND)
                        .exchange(),
                403,
                "forbidden");
    }

    @Test
    void membersCannotCallInternalEndpoints() {
        expectProblem(
                web.mutateWith(Tokens.member(newMemberId()))
                        .post()
                        .uri("/internal/facts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("memberId", "me", "brandId", BRAND, "fact", "core-group:c1", "present", true))
                        .exchange(),
                403,
                "forbidden");
    }

    @Test
    void brandAdminOfOneBrandCannotCreateOffersForAnother() {
        Map<String, Object> body = offerBody();
        body.put("brandId", OTHER_BRAND);

        expectProblem(postOffer(Tokens.brandAdmin("admin-a", BRAND), body), 403, "not-brand-admin-of-brand");
        web.mutateWith(Tokens.brandAdmin("admin-b", OTHER_BRAND))
                .get()
                .uri("/api/offers/managed?brandId=" + OTHER_BRAND)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void brandAdminOfOneBrandCannotChangeAnotherBrandsOffer() {
        String offerId = createOffer();
        JwtMutator otherAdmin = Tokens.brandAdmin("admin-b", OTHER_BRAND);

        expectProblem(
                web.mutateWith(otherAdmin)
                        .patch()
                        .uri("/api/offers/{id}", offerId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("totalStock", 1000))
                        .exchange(),
                403,
                "not-brand-admin-of-brand");
        expectProblem(
                web.mutateWith(otherAdmin)
                        .post()
                        .uri("/api/offers/{id}/pause", offerId)
                        .exchange(),
                403,
                "not-brand-admin-of-brand");
        expectProblem(
                web.mutateWith(otherAdmin)
                        .get()
                        .uri("/api/offers/managed?brandId=" + BRAND)
                        .exchange(),
                403,
                "not-brand-admin-of-brand");
        claimCoupon(newMemberId(), offerId);
    }

    @Test
    void staffAndAdminsCannotClaim() {
        String offerId = createOffer();

        expectProblem(claimAs(Tokens.staff("s", STORE), offerId), 403, "forbidden");
        expectProblem(claimAs(Tokens.brandAdmin("a", BRAND), offerId), 403, "forbidden");
    }

    @Test
    void anonymousCallersGet401ButTheJwksIsPublic() {
        expectProblem(web.get().uri("/api/coupons/me").exchange(), 401, "unauthorized");
        expectProblem(web.get().uri("/api/offers?brandId=" + BRAND).exchange(), 401, "unauthorized");
        web.get()
                .uri("/api/coupons/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys[0].kty")
                .isEqualTo("EC")
                .jsonPath("$.keys[0].d")
                .doesNotExist();
    }

    private WebTestClient.ResponseSpec claimAs(JwtMutator caller, String offerId) {
        return web.mutateWith(caller)
                .post()
                .uri("/api/offers/{id}/claims", offerId)
                .header("Idempotency-Key", newKey())
                .exchange();
    }
}
