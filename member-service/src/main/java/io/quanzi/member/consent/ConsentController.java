package io.quanzi.member.consent;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's own marketing consents; the member is always the token subject. */
@RestController
@RequestMapping("/api/members/me/consents")
class ConsentController {

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping
    Flux<ConsentResponse> all(@AuthenticationPrincipal Jwt token) {
        return consents.all(token.getSubject());
    }

    @GetMapping("/{brandId}")
    Mono<ConsentResponse> one(@AuthenticationPrincipal Jwt token, @PathVariable String brandId) {
        return consents.one(token.getSubject(), brandId);
    }

    /** Opts in ({@code granted: true}) or withdraws ({@code granted: false}). */
    @PostMapping("/{brandId}")
    Mono<ConsentResponse> decide(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String brandId,
            @Valid @RequestBody ConsentRequest request) {
        return consents.decide(token.getSubject(), brandId, request);
    }
}
