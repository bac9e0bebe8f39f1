package io.quanzi.offer.offer;

import io.quanzi.offer.offer.OfferRequests.CreateOffer;
import io.quanzi.offer.offer.OfferRequests.EditOffer;
import io.quanzi.offer.offer.OfferResponses.AdminOffer;
import io.quanzi.offer.offer.OfferResponses.MemberOffer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Offers. Brand admins manage the offers of their brands; members list and read the offers they
 * are eligible for. Roles are checked in {@code CouponSecurityRules}, brand scope here.
 */
@RestController
@RequestMapping("/api/offers")
class OfferController {

    private static final String ID = OfferRequests.ID;

    private final Offers offers;

    OfferController(Offers offers) {
        this.offers = offers;
    }

    @PostMapping
    Mono<ResponseEntity<AdminOffer>> create(
            @AuthenticationPrincipal Jwt admin, @Valid @RequestBody CreateOffer request) {
        return offers.create(admin, request)
                .map(offer -> ResponseEntity.created(URI.create("/api/offers/" + offer.id()))
                        .body(offer));
    }

    @PatchMapping("/{offerId}")
    Mono<AdminOffer> edit(
            @AuthenticationPrincipal Jwt admin,
            @PathVariable @Pattern(regexp = ID) String offerId,
            @Valid @RequestBody EditOffer edit) {
        return offers.edit(admin, offerId, edit);
    }

    @PostMapping("/{offerId}/pause")
    Mono<AdminOffer> pause(@AuthenticationPrincipal Jwt admin, @PathVariable @Pattern(regexp = ID) String offerId) {
        return offers.pause(admin, offerId);
    }

    @PostMapping("/{offerId}/resume")
    Mono<AdminOffer> resume(@AuthenticationPrincipal Jwt admin, @PathVariable @Pattern(regexp = ID) String offerId) {
        return offers.resume(admin, offerId);
    }

    @PostMapping("/{offerId}/close")
    Mono<AdminOffer> close(@AuthenticationPrincipal Jwt admin, @PathVariable @Pattern(regexp = ID) String offerId) {
        return offers.close(admin, offerId);
    }

    /** Every offer of a brand the caller manages, paused and closed ones included. */
    @GetMapping("/managed")
    Flux<AdminOffer> managed(@AuthenticationPrincipal Jwt admin, @RequestParam @Pattern(regexp = ID) String brandId) {
        return offers.managed(admin, brandId);
    }

    @GetMapping("/managed/{offerId}")
    Mono<AdminOffer> managedOne(
            @AuthenticationPrincipal Jwt admin, @PathVariable @Pattern(regexp = ID) String offerId) {
        return offers.managedView(admin, offerId);
    }

    /** The offers of a brand the calling member is eligible for. */
    @GetMapping
    Flux<MemberOffer> eligible(
            @AuthenticationPrincipal Jwt member, @RequestParam @Pattern(regexp = ID) String brandId) {
        return offers.eligibleFor(member.getSubject(), brandId);
    }

    @GetMapping("/{offerId}")
    Mono<MemberOffer> one(@AuthenticationPrincipal Jwt member, @PathVariable @Pattern(regexp = ID) String offerId) {
        return offers.forMember(member.getSubject(), offerId);
    }
}
