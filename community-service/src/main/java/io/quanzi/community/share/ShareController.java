package io.quanzi.community.share;

import io.quanzi.community.community.DisplayNames;
import io.quanzi.community.community.MemberNames;
import io.quanzi.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/communities")
class ShareController {

    private final Shares shares;
    private final MemberNames names;

    ShareController(Shares shares, MemberNames names) {
        this.shares = shares;
        this.names = names;
    }

    @PostMapping("/posts/{postId}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ShareResponses.Created> share(JwtAuthenticationToken auth, @PathVariable String postId) {
        return shares.share(postId, Caller.of(auth), DisplayNames.of(auth));
    }

    @GetMapping("/shares/{code}")
    Mono<ShareResponses.Landing> visit(JwtAuthenticationToken auth, @PathVariable String code) {
        Caller caller = Caller.of(auth);
        // The visitor's name, so the brand's share chains show who arrived through whom.
        return shares.visit(code, caller).flatMap(landing -> names.remember(caller.subject(), DisplayNames.of(auth))
                .thenReturn(landing));
    }
}
