package io.quanzi.offer.coupon;

import io.quanzi.offer.fact.MemberFacts;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Members claim offers: 201 with the new coupon, 200 with the same coupon on a repeated key. */
@RestController
class ClaimController {

    static final String IDEMPOTENCY_KEY = "^[A-Za-z0-9._:-]{8,128}$";

    private final Claims claims;

    ClaimController(Claims claims) {
        this.claims = claims;
    }

    @PostMapping("/api/offers/{offerId}/claims")
    Mono<ResponseEntity<CouponView>> claim(
            @AuthenticationPrincipal Jwt member,
            @PathVariable @Pattern(regexp = MemberFacts.ID) String offerId,
            @RequestHeader("Idempotency-Key")
                    @Pattern(regexp = IDEMPOTENCY_KEY, message = "must be 8 to 128 letters, digits or ._:-")
                    String idempotencyKey) {
        return claims.claim(member.getSubject(), offerId, idempotencyKey)
                .map(result -> ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create("/api/coupons/" + result.coupon().id()))
                        .body(result.coupon()));
    }
}
