package io.quanzi.offer.points;

import io.quanzi.offer.system.Ids;
import io.quanzi.offer.tier.TierStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A member's own wallet. The member is always the token's subject; no parameter can name another. */
@RestController
@RequestMapping("/api/points/me")
class MemberPointsController {

    private final PointsQueries queries;

    MemberPointsController(PointsQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    Mono<MyPointsResponse> me(@RequestParam String brandId, @AuthenticationPrincipal Jwt member) {
        Ids.requireId("brandId", brandId);
        return queries.summary(member.getSubject(), brandId);
    }

    @GetMapping("/history")
    Mono<HistoryPage> history(
            @RequestParam String brandId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit,
            @AuthenticationPrincipal Jwt member) {
        Ids.requireId("brandId", brandId);
        if (cursor != null) {
            Ids.require("cursor", cursor, "[0-9a-f]{24}", "must be the nextCursor of a previous page");
        }
        Ids.require("limit", String.valueOf(limit), "[1-9][0-9]?|100", "must be between 1 and 100");
        return queries.history(member.getSubject(), brandId, cursor, limit);
    }

    @GetMapping("/tier-history")
    Mono<TierStatus> tierHistory(@RequestParam String brandId, @AuthenticationPrincipal Jwt member) {
        Ids.requireId("brandId", brandId);
        return queries.tierHistory(member.getSubject(), brandId);
    }
}
