package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.offer.support.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;

class ClaimTest extends OfferServiceTest {

    @Test
    void claimIssuesACouponWithAnUnguessableCode() {
        String offerId = createOffer();
        String member = newMemberId();

        claim(member, offerId, newKey())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/coupons/[0-9a-f]{24}")
                .expectBody()
                .jsonPath("$.offerId")
                .isEqualTo(offerId)
                .jsonPath("$.status")
                .isEqualTo("active")
                .jsonPath("$.title")
                .isEqualTo("10% off")
                .jsonPath("$.code")
                .value(code -> assertThat((String) code).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}"))
                .jsonPath("$.memberId")
                .doesNotExist()
                .jsonPath("$.claimId")
                .doesNotExist();
    }

    @Test
    void repeatingTheIdempotencyKeyReturnsTheSameCoupon() {
        String offerId = createOffer();
        String member = newMemberId();
        String key = newKey();

        Map<?, ?> first = claim(member, offerId, key)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> again = claim(member, offerId, key)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(again.get("code")).isEqualTo(first.get("code"));
        StepVerifier.create(mongo.count(Query.query(Criteria.where("offerId").is(offerId)), Coupon.class))
                .expectNext(1L)
                .verifyComplete();
    }

    @Test
    void claimWithoutIdempotencyKeyIsRefused() {
        String offerId = createOffer();

        var response = web.mutateWith(Tokens.member(newMemberId()))
                .post()
                .uri("/api/offers/{id}/claims", offerId)
                .exchange();

        response.expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theSameKeyForAnotherOfferIsRefused() {
        String member = newMemberId();
        String key = newKey();
        claim(member, createOffer(), key).expectStatus().isCreated();

        expectProblem(claim(member, createOffer(), key), 409, "idempotency-key-reused");
    }

    @Test
    void memberCannotClaimMoreThanTheLimit() {
        Map<String, Object> body = offerBody();
        body.put("perMemberLimit", 2);
        String offerId = createOffer(body);
        String member = newMemberId();

        claimCoupon(member, offerId);
        claimCoupon(member, offerId);

        expectProblem(claim(member, offerId, newKey()), 409, "limit-reached");
        StepVerifier.create(mongo.count(
                        Query.query(Criteria.where("offerId")
                                .is(offerId)
                                .and("memberId")
                                .is(member)),
                        Coupon.class))
                .expectNext(2L)
                .verifyComplete();
    }

    @Test
    void lastUnitGoesToOneMemberAndTheNextHearsSoldOut() {
        String offerId = lastUnitOffer();

        claimCoupon(newMemberId(), offerId);

        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "sold-out");
    }

    @Test
    void onceKnownSoldOutClaimsAreRefusedWithoutWritingAnything() {
        String offerId = lastUnitOffer();
        claimCoupon(newMemberId(), offerId);
        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "sold-out");
        long claimsBefore = claimCount(offerId);

        for (int i = 0; i < 5; i++) {
            expectProblem(claim(newMemberId(), offerId, newKey()), 409, "sold-out");
        }

        assertThat(claimCount(offerId))
                .as("no claim records once the sold-out flag is set")
                .isEqualTo(claimsBefore);
    }

    @Test
    void refusedClaimGivesItsMemberSlotBack() {
        String offerId = lastUnitOffer();
        String member = newMemberId();
        claimCoupon(newMemberId(), offerId);

        expectProblem(claim(member, offerId, newKey()), 409, "sold-out");

        StepVerifier.create(mongo.findById(MemberSlots.slotId(offerId, member), MemberSlot.class))
                .assertNext(slot -> assertThat(slot.count()).isZero())
                .verifyComplete();
    }

    @Test
    void refusedClaimAnswersTheSameRefusalOnRepeat() {
        String offerId = lastUnitOffer();
        claimCoupon(newMemberId(), offerId);
        String member = newMemberId();
        String key = newKey();
        expectProblem(claim(member, offerId, key), 409, "sold-out");

        expectProblem(claim(member, offerId, key), 409, "sold-out");
    }

    @Test
    void dropCannotBeClaimedBeforeItStarts() {
        Map<String, Object> body = offerBody();
        body.put("validFrom", clock.instant().plus(Duration.ofHours(1)).toString());
        String offerId = createOffer(body);

        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "offer-not-started");
        assertThat(claimCount(offerId)).isZero();
    }

    @Test
    void dropCanBeClaimedOnceItStarts() {
        Map<String, Object> body = offerBody();
        body.put("validFrom", clock.instant().plus(Duration.ofHours(1)).toString());
        String offerId = createOffer(body);

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        claimCoupon(newMemberId(), offerId);
    }

    @Test
    void endedOfferCannotBeClaimed() {
        String offerId = createOffer();

        clock.advance(Duration.ofDays(2));

        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "offer-ended");
    }

    @Test
    void pausedAndClosedOffersCannotBeClaimed() {
        String offerId = createOffer();
        admin("pause", offerId);
        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "offer-paused");

        admin("resume", offerId);
        claimCoupon(newMemberId(), offerId);

        admin("close", offerId);
        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "offer-closed");
    }

    @Test
    void factRestrictedOfferNeedsTheFact() {
        Map<String, Object> body = offerBody();
        body.put("type", "EVENT_EXCLUSIVE");
        body.put("eligibility", Map.of("facts", List.of("attended-event:ev-1")));
        String offerId = createOffer(body);
        String member = newMemberId();

        expectProblem(claim(member, offerId, newKey()), 403, "not-eligible");
        pushFact(member, "attended-event:ev-1", true);

        claimCoupon(member, offerId);
    }

    @Test
    void unknownOfferIs404() {
        expectProblem(claim(newMemberId(), "000000000000000000000000", newKey()), 404, "offer-not-found");
    }

    @Test
    void claimRecordEndsIssuedWithItsCoupon() {
        String offerId = createOffer();
        String member = newMemberId();
        String key = newKey();
        String couponId = claimCoupon(member, offerId, key);

        StepVerifier.create(mongo.findOne(
                        Query.query(Criteria.where("memberId")
                                .is(member)
                                .and("idempotencyKey")
                                .is(key)),
                        Claim.class))
                .assertNext(claim -> {
                    assertThat(claim.state()).isEqualTo(ClaimState.ISSUED);
                    assertThat(claim.couponId()).isEqualTo(couponId);
                })
                .verifyComplete();
    }

    private long claimCount(String offerId) {
        return mongo.count(Query.query(Criteria.where("offerId").is(offerId)), Claim.class)
                .block();
    }

    private void admin(String action, String offerId) {
        web.mutateWith(Tokens.brandAdmin("admin-a", BRAND))
                .post()
                .uri("/api/offers/{id}/" + action, offerId)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void pushFact(String member, String fact, boolean present) {
        web.mutateWith(Tokens.service("community-service"))
                .post()
                .uri("/internal/facts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", member, "brandId", BRAND, "fact", fact, "present", present))
                .exchange()
                .expectStatus()
                .isNoContent();
    }
}
