package io.quanzi.offer.points;

import io.quanzi.offer.system.Ids;
import io.quanzi.platform.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A member's wallet at a brand, as the brand's admins see it (role in {@code SecurityRules}, the
 * brand in {@code brand_ids} here): the same summary and history the member reads, for that brand only.
 */
@RestController
@RequestMapping("/api/points/brands/{brandId}/members/{memberId}")
class AdminMemberPointsController {

    private final PointsQueries queries;

    AdminMemberPointsController(PointsQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    Mono<MyPointsResponse> summary(
            @PathVariable String brandId, @PathVariable String memberId, @AuthenticationPrincipal Jwt admin) {
        Ids.requireId("brandId", brandId);
        Ids.requireId("memberId", memberId);
        Caller.of(admin).requireBrandAdminOf(brandId);
        return queries.summary(memberId, brandId);
    }

    @GetMapping("/history")
    Mono<HistoryPage> history(
            @PathVariable String brandId,
            @PathVariable String memberId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit,
            @AuthenticationPrincipal Jwt admin) {
        Ids.requireId("brandId", brandId);
        Ids.requireId("memberId", memberId);
        if (cursor != null) {
            Ids.require("cursor", cursor, "[0-9a-f]{24}", "must be the nextCursor of a previous page");
        }
        Ids.require("limit", String.valueOf(limit), "[1-9][0-9]?|100", "must be between 1 and 100");
        Caller.of(admin).requireBrandAdminOf(brandId);
        return queries.history(memberId, brandId, cursor, limit);
    }
}
