package io.quanzi.member.club;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's own club memberships and member cards; the member is always the token subject. */
@RestController
@RequestMapping("/api/members/me/brands/{brandId}")
class ClubController {

    private final Clubs clubs;

    ClubController(Clubs clubs) {
        this.clubs = clubs;
    }

    /** 201 when this call made the caller a member, 200 when they already were. */
    @PostMapping("/membership")
    Mono<ResponseEntity<MembershipResponse>> join(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String brandId,
            @Valid @RequestBody(required = false) JoinRequest request) {
        return clubs.join(token.getSubject(), brandId, request == null ? JoinRequest.EMPTY : request)
                .map(membership -> ResponseEntity.status(
                                membership.alreadyMember() ? HttpStatus.OK : HttpStatus.CREATED)
                        .body(membership));
    }

    @GetMapping("/membership")
    Mono<MembershipResponse> membership(@AuthenticationPrincipal Jwt token, @PathVariable String brandId) {
        return clubs.current(token.getSubject(), brandId);
    }

    @DeleteMapping("/membership")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> leave(@AuthenticationPrincipal Jwt token, @PathVariable String brandId) {
        return clubs.leave(token.getSubject(), brandId);
    }

    @GetMapping("/card")
    Mono<CardResponse> card(@AuthenticationPrincipal Jwt token, @PathVariable String brandId) {
        return clubs.card(token.getSubject(), brandId);
    }

    @GetMapping(value = "/card/qr.svg", produces = "image/svg+xml")
    Mono<String> cardQr(@AuthenticationPrincipal Jwt token, @PathVariable String brandId) {
        return clubs.cardQrSvg(token.getSubject(), brandId);
    }
}
