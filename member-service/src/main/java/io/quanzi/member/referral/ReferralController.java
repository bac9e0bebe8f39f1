package io.quanzi.member.referral;

import io.quanzi.member.system.QrCodes;
import io.quanzi.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's invite, the brand admin's leaderboard, and milestones reported by other services. */
@RestController
class ReferralController {

    private final Referrals referrals;

    ReferralController(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/api/members/me/brands/{brandId}/invite")
    Mono<InviteResponse> invite(@AuthenticationPrincipal Jwt token, @PathVariable String brandId) {
        return referrals.invite(token.getSubject(), brandId);
    }

    @GetMapping(value = "/api/members/me/brands/{brandId}/invite/qr.svg", produces = "image/svg+xml")
    Mono<String> inviteQr(@AuthenticationPrincipal Jwt token, @PathVariable String brandId) {
        return referrals.invite(token.getSubject(), brandId).map(invite -> QrCodes.svg(invite.link()));
    }

    @GetMapping(value = "/api/brands/{brandId}/referrals/leaderboard", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Leaderboard> leaderboard(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String brandId,
            @RequestParam(defaultValue = "20") int limit) {
        return Mono.fromRunnable(() -> Caller.of(token).requireBrandAdminOf(brandId))
                .then(Mono.defer(() -> referrals.leaderboard(brandId, Math.max(1, Math.min(limit, 100)))));
    }

    @PostMapping("/internal/referrals/milestones")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> milestone(@Valid @RequestBody MilestoneRequest request) {
        return referrals.milestone(request);
    }
}
