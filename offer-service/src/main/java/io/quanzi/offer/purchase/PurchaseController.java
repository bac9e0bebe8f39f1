package io.quanzi.offer.purchase;

import io.quanzi.offer.system.Ids;
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

/** Store staff record a member's purchase, and its refund, at the stores of their {@code store_ids}. */
@RestController
@RequestMapping("/api/points/purchases")
class PurchaseController {

    private final Purchases purchases;

    PurchaseController(Purchases purchases) {
        this.purchases = purchases;
    }

    @PostMapping
    Mono<ResponseEntity<PurchaseResponse>> record(
            @Valid @RequestBody PurchaseRequest request, @AuthenticationPrincipal Jwt staff) {
        Caller.of(staff).requireStaffOf(request.storeId());
        return purchases.record(request, staff.getSubject()).map(purchase -> ResponseEntity.status(
                        purchase.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(purchase));
    }

    /** No body or {@code {}}. */
    record NoFields() {}

    @PostMapping("/{purchaseId}/refund")
    Mono<PurchaseResponse> refund(
            @PathVariable String purchaseId,
            @RequestBody(required = false) NoFields body,
            @AuthenticationPrincipal Jwt staff) {
        Ids.require("purchaseId", purchaseId, "[0-9a-f]{24}", "must be a purchase id");
        return purchases.refund(purchaseId, staff);
    }
}
