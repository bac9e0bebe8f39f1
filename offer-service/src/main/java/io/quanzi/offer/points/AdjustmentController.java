package io.quanzi.offer.points;

import io.quanzi.offer.system.Ids;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Manual points corrections by a brand admin of that brand, audited: the entry keeps the admin's
 * subject, the time and the reason. offer-service does not know member profiles, so the member
 * id is taken as given.
 */
@RestController
@RequestMapping("/api/points/brands/{brandId}/adjustments")
class AdjustmentController {

    private final PointsLedger ledger;

    AdjustmentController(PointsLedger ledger) {
        this.ledger = ledger;
    }

    @PostMapping
    Mono<ResponseEntity<AdjustmentResponse>> adjust(
            @PathVariable String brandId,
            @Valid @RequestBody AdjustmentRequest request,
            @AuthenticationPrincipal Jwt admin) {
        Ids.requireId("brandId", brandId);
        Caller.of(admin).requireBrandAdminOf(brandId);
        if (request.points() == 0) {
            return Mono.error(
                    Problem.of(HttpStatus.BAD_REQUEST, "validation", "An adjustment of 0 points changes nothing."));
        }
        return ledger.adjust(
                        request.memberId(),
                        brandId,
                        request.points(),
                        request.reason(),
                        request.idempotencyKey(),
                        "admin:" + admin.getSubject())
                .map(result -> ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                        .body(new AdjustmentResponse(
                                result.entryId(),
                                result.memberId(),
                                result.brandId(),
                                result.points(),
                                result.balance(),
                                request.reason(),
                                admin.getSubject(),
                                result.duplicate())));
    }
}
