package io.quanzi.offer.points;

import io.quanzi.offer.system.Ids;
import io.quanzi.offer.tier.Tiers;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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
import reactor.core.publisher.Mono;

/**
 * Points calls from the other services (service-account tokens only, see the platform's
 * {@code /internal/**} rule): 201 the first time, 200 with {@code duplicate: true} on a repeat.
 */
@RestController
@RequestMapping("/internal/points")
class InternalPointsController {

    private final PointsLedger ledger;
    private final Tiers tiers;

    InternalPointsController(PointsLedger ledger, Tiers tiers) {
        this.ledger = ledger;
        this.tiers = tiers;
    }

    @PostMapping("/earn")
    Mono<ResponseEntity<PointsResult>> earn(
            @Valid @RequestBody EarnRequest request, @AuthenticationPrincipal Jwt caller) {
        return ledger.earn(
                        request.memberId(),
                        request.brandId(),
                        request.activity(),
                        request.points(),
                        request.idempotencyKey(),
                        request.sourceRef(),
                        clientOf(caller))
                .map(InternalPointsController::created);
    }

    @PostMapping("/reverse")
    Mono<ResponseEntity<PointsResult>> reverse(
            @Valid @RequestBody ReverseRequest request, @AuthenticationPrincipal Jwt caller) {
        return ledger.reverse(
                        request.memberId(),
                        request.brandId(),
                        request.reversesKey(),
                        request.idempotencyKey(),
                        request.reason(),
                        clientOf(caller))
                .map(InternalPointsController::created);
    }

    @GetMapping("/members/{memberId}")
    Mono<MemberPointsResponse> member(@PathVariable String memberId, @RequestParam String brandId) {
        Ids.requireId("memberId", memberId);
        Ids.requireId("brandId", brandId);
        return Mono.zip(ledger.balance(memberId, brandId), tiers.currentTier(brandId, memberId))
                .map(wallet -> new MemberPointsResponse(memberId, brandId, wallet.getT1(), wallet.getT2()));
    }

    static ResponseEntity<PointsResult> created(PointsResult result) {
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(result);
    }

    /** The calling service: Keycloak puts the client id of a service account in {@code azp}. */
    private static String clientOf(Jwt caller) {
        String client = caller.getClaimAsString("azp");
        return "service:" + (client != null ? client : caller.getSubject());
    }
}
