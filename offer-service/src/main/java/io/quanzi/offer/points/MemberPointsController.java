package io.quanzi.offer.points;

import io.quanzi.offer.system.Ids;
import io.quanzi.offer.tier.TierStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
    Mono<MyPointsResponse> me(
            @RequestParam @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String brandId,
            @AuthenticationPrincipal Jwt member) {
        return queries.summary(member.getSubject(), brandId);
    }

    @GetMapping("/history")
    Mono<HistoryPage> history(
            @RequestParam @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String brandId,
            @RequestParam(required = false)
                    @Pattern(regexp = "[0-9a-f]{24}", message = "must be a cursor from a previous page")
                    String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @AuthenticationPrincipal Jwt member) {
        return queries.history(member.getSubject(), brandId, cursor, limit);
    }

    @GetMapping("/tier-history")
    Mono<TierStatus> tierHistory(
            @RequestParam @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String brandId,
            @AuthenticationPrincipal Jwt member) {
        return queries.tierHistory(member.getSubject(), brandId);
    }
}
