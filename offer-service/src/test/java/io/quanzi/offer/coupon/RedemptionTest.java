package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.offer.support.Tokens;
import io.quanzi.platform.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class RedemptionTest extends OfferServiceTest {

    @Autowired
    Redemptions redemptions;

    @Test
    void staffRedeemACouponOnceAndTheRedemptionIsAudited() {
        String member = newMemberId();
        String offerId = createOffer();
        String couponId = claimCoupon(member, offerId);
        String token = qrToken(member, couponId);

        redeem(token, STORE)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.couponId")
                .isEqualTo(couponId)
                .jsonPath("$.title")
                .isEqualTo("10% off")
                .jsonPath("$.storeId")
                .isEqualTo(STORE)
                .jsonPath("$.redeemedBy")
                .isEqualTo("staff-" + STORE)
                .jsonPath("$.redeemedAt")
                .isNotEmpty();

        Redemption audit = mongo.findOne(Query.query(Criteria.where("couponId").is(couponId)), Redemption.class)
                .block();
        assertThat(audit.staffId()).isEqualTo("staff-" + STORE);
        assertThat(audit.storeId()).isEqualTo(STORE);
        assertThat(audit.memberId()).isEqualTo(member);
        assertThat(audit.redeemedAt()).isNotNull();
        web.mutateWith(Tokens.member(member))
                .get()
                .uri("/api/coupons/me?status=used")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(couponId)
                .jsonPath("$[0].status")
                .isEqualTo("used")
                .jsonPath("$[0].redeemedStoreId")
                .isEqualTo(STORE);
    }

    @Test
    void secondScanSaysWhenAndWhereItWasRedeemed() {
        String member = newMemberId();
        String couponId = claimCoupon(member, createOffer());
        String token = qrToken(member, couponId);
        String redeemedAt = redeem(token, STORE)
                .expectStatus()
                .isOk()
                .expectBody(java.util.Map.class)
                .returnResult()
                .getResponseBody()
                .get("redeemedAt")
                .toString();

        var again = redeem(token, STORE);

        expectProblem(again, 409, "already-redeemed");
        redeem(token, STORE)
                .expectBody()
                .jsonPath("$.redeemedAt")
                .value(at -> assertThat(java.time.Instant.parse((String) at))
                        .as("the time of the first redemption, as a property")
                        .isEqualTo(java.time.Instant.parse(redeemedAt)))
                .jsonPath("$.storeId")
                .isEqualTo(STORE);
        redeem(token, STORE).expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                .matches("This coupon was already redeemed at .+ by store store-a1\\."));
        expectProblem(qrTokenOf(member, couponId), 409, "already-redeemed");
    }

    @Test
    void concurrentScansOfOneCouponRedeemItExactlyOnce() {
        String member = newMemberId();
        String couponId = claimCoupon(member, createOffer());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tokens.add(qrToken(member, couponId));
        }
        Jwt staff = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("staff-1")
                .claim("store_ids", List.of(STORE))
                .claim("realm_access", java.util.Map.of("roles", List.of("staff")))
                .build();

        List<String> outcomes = Flux.fromIterable(tokens)
                .flatMap(
                        token -> redemptions
                                .redeem(staff, new RedemptionRequest(token, STORE))
                                .map(ok -> "redeemed")
                                .onErrorResume(Problem.class, refused -> Mono.just(refused.slug()))
                                .subscribeOn(Schedulers.parallel()),
                        16)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(outcomes).filteredOn("redeemed"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals("redeemed")).containsOnly("already-redeemed");
        assertThat(mongo.count(Query.query(Criteria.where("couponId").is(couponId)), Redemption.class)
                        .block())
                .isEqualTo(1);
    }

    @Test
    void expiredTokenIsRefused() {
        String member = newMemberId();
        String token = qrToken(member, claimCoupon(member, createOffer()));

        clock.advance(Duration.ofSeconds(46));

        expectProblem(redeem(token, STORE), 400, "qr-token-expired");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        String member = newMemberId();
        String genuine = qrToken(member, claimCoupon(member, createOffer()));
        SignedJWT parsed = SignedJWT.parse(genuine);
        ECKey attacker = new ECKeyGenerator(Curve.P_256)
                .keyID(parsed.getHeader().getKeyID())
                .generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("coupon-qr+jwt"))
                        .keyID(attacker.getKeyID())
                        .build(),
                parsed.getJWTClaimsSet());
        forged.sign(new ECDSASigner(attacker));

        expectProblem(redeem(forged.serialize(), STORE), 400, "qr-token-invalid");
    }

    @Test
    void tokenWithAnEditedPayloadIsRefused() {
        String member = newMemberId();
        String offerId = createOffer();
        String mine = qrToken(member, claimCoupon(member, offerId));
        String other = claimCoupon(newMemberId(), offerId);
        String[] parts = mine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"cid\":\"[0-9a-f]+\"", "\"cid\":\"" + other + "\"");
        String edited = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        expectProblem(redeem(edited, STORE), 400, "qr-token-invalid");
        expectProblem(redeem("not-a-token", STORE), 400, "qr-token-invalid");
    }

    @Test
    void couponOfAPausedOfferIsRefusedUntilResumed() {
        String member = newMemberId();
        String offerId = createOffer();
        String couponId = claimCoupon(member, offerId);
        offerAction("pause", offerId);

        expectProblem(redeem(qrToken(member, couponId), STORE), 409, "offer-paused");

        offerAction("resume", offerId);
        redeem(qrToken(member, couponId), STORE).expectStatus().isOk();
    }

    @Test
    void couponOfAClosedOfferIsRefused() {
        String member = newMemberId();
        String offerId = createOffer();
        String couponId = claimCoupon(member, offerId);
        offerAction("close", offerId);

        expectProblem(redeem(qrToken(member, couponId), STORE), 409, "offer-closed");
    }

    @Test
    void expiredCouponIsRefused() {
        Map<String, Object> body = offerBody();
        body.put("validUntil", clock.instant().plusSeconds(20).toString());
        String member = newMemberId();
        String couponId = claimCoupon(member, createOffer(body));
        String token = qrToken(member, couponId);

        clock.advance(Duration.ofSeconds(21)); // the token still lives, the coupon does not

        expectProblem(redeem(token, STORE), 409, "coupon-expired");
        expectProblem(qrTokenOf(member, couponId), 409, "coupon-expired");
        web.mutateWith(Tokens.member(member))
                .get()
                .uri("/api/coupons/me?status=expired")
                .exchange()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(couponId);
    }

    @Test
    void couponIsRefusedAtAStoreWhereTheOfferIsNotRedeemable() {
        String member = newMemberId();
        String couponId = claimCoupon(member, createOffer());

        expectProblem(redeem(qrToken(member, couponId), OTHER_STORE), 403, "store-not-redeemable");
    }

    @Test
    void aScannedTokenCannotBeReplayed() {
        String member = newMemberId();
        String offerId = createOffer();
        String couponId = claimCoupon(member, offerId);
        String token = qrToken(member, couponId);
        offerAction("pause", offerId);
        expectProblem(redeem(token, STORE), 409, "offer-paused");
        offerAction("resume", offerId);

        expectProblem(redeem(token, STORE), 409, "qr-token-replayed");
        redeem(token, STORE)
                .expectBody()
                .jsonPath("$.storeId")
                .isEqualTo(STORE)
                .jsonPath("$.scannedAt")
                .isNotEmpty();

        redeem(qrToken(member, couponId), STORE).expectStatus().isOk();
    }

    @Test
    void aScanAtTheWrongStoreDoesNotSpendTheToken() {
        String member = newMemberId();
        String token = qrToken(member, claimCoupon(member, createOffer()));
        expectProblem(redeem(token, OTHER_STORE), 403, "store-not-redeemable");

        redeem(token, STORE).expectStatus().isOk();
    }

    @Test
    void staffCannotRedeemForAStoreTheyDoNotWorkAt() {
        String member = newMemberId();
        String couponId = claimCoupon(member, createOffer());

        expectProblem(redeem(qrToken(member, couponId), STORE, OTHER_STORE), 403, "not-staff-of-store");

        web.mutateWith(Tokens.member(member))
                .get()
                .uri("/api/coupons/{id}", couponId)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("active");
    }

    @Test
    void tokenVerifiesOfflineWithThePublishedJwks() throws Exception {
        String member = newMemberId();
        String couponId = claimCoupon(member, createOffer());
        String token = qrToken(member, couponId);

        String jwks = web.get()
                .uri("/api/coupons/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JWKSet keys = JWKSet.parse(jwks);
        assertThat(keys.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        SignedJWT jwt = SignedJWT.parse(token);
        ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("cid")).isEqualTo(couponId);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(member);
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
        Instant expiry = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
        assertThat(Duration.between(clock.instant(), expiry)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    private void offerAction(String action, String offerId) {
        web.mutateWith(Tokens.brandAdmin("admin-a", BRAND))
                .post()
                .uri("/api/offers/{id}/" + action, offerId)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
