package io.quanzi.offer.coupon;

import io.quanzi.offer.fact.MemberFacts;
import io.quanzi.platform.keys.RotatingSigningKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Members read their own coupons and get QR tokens for them; staff redeem scanned tokens; anyone
 * can fetch the public keys that verify the tokens.
 */
@RestController
@RequestMapping("/api/coupons")
class CouponController {

    private final Coupons coupons;
    private final Redemptions redemptions;
    private final RotatingSigningKeys keys;

    CouponController(Coupons coupons, Redemptions redemptions, RotatingSigningKeys keys) {
        this.coupons = coupons;
        this.redemptions = redemptions;
        this.keys = keys;
    }

    @GetMapping("/me")
    Flux<CouponView> mine(
            @AuthenticationPrincipal Jwt member,
            @RequestParam(defaultValue = CouponView.ACTIVE)
                    @Pattern(regexp = "active|used|expired", message = "must be active, used or expired")
                    String status) {
        return coupons.mine(member.getSubject(), status);
    }

    @GetMapping("/{couponId}")
    Mono<CouponView> one(
            @AuthenticationPrincipal Jwt member, @PathVariable @Pattern(regexp = MemberFacts.ID) String couponId) {
        return coupons.own(member.getSubject(), couponId);
    }

    @GetMapping("/{couponId}/qr-token")
    Mono<QrTokens.QrToken> qrToken(
            @AuthenticationPrincipal Jwt member, @PathVariable @Pattern(regexp = MemberFacts.ID) String couponId) {
        return coupons.qrToken(member.getSubject(), couponId);
    }

    @PostMapping("/redemptions")
    Mono<Redemptions.RedemptionView> redeem(
            @AuthenticationPrincipal Jwt staff, @Valid @RequestBody RedemptionRequest request) {
        return redemptions.redeem(staff, request);
    }

    /** The public keys of QR tokens (JWKS), for staff apps that verify offline. No token needed. */
    @GetMapping("/jwks")
    Mono<ResponseEntity<Map<String, Object>>> jwks() {
        return keys.jwks().map(jwks -> ResponseEntity.ok()
                .cacheControl(keys.jwksCacheControl())
                .body(jwks));
    }
}
