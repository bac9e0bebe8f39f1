package io.quanzi.community.share;

import io.quanzi.platform.security.Caller;
import io.quanzi.platform.web.Ids;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The brand's share chains as trees, for the engagement dashboard (brand admins; dates in the brand's timezone). */
@RestController
@RequestMapping("/api/communities/analytics")
class ShareChainController {

    private final ShareChains chains;

    ShareChainController(ShareChains chains) {
        this.chains = chains;
    }

    @GetMapping("/brands/{brandId}/share-chains")
    Mono<ShareChainReport> chains(
            JwtAuthenticationToken auth,
            @PathVariable String brandId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "10") int limit) {
        return chains.forBrand(Caller.of(auth), Ids.requireId("brandId", brandId), from, to, limit);
    }
}
