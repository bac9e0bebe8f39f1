package io.quanzi.community.analytics;

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

/**
 * Engagement dashboards for brand admins; {@code from}/{@code to} are dates in the brand's timezone, both included
 * (default: the last 30 days, up to today in the brand's timezone).
 */
@RestController
@RequestMapping("/api/communities/analytics")
class AnalyticsController {

    private final Engagement engagement;

    AnalyticsController(Engagement engagement) {
        this.engagement = engagement;
    }

    @GetMapping("/brands/{brandId}")
    Mono<EngagementReport> brand(
            JwtAuthenticationToken auth,
            @PathVariable String brandId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity) {
        return engagement.forBrand(Caller.of(auth), Ids.requireId("brandId", brandId), from, to, granularity);
    }

    @GetMapping("/communities/{communityId}")
    Mono<EngagementReport> community(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity) {
        return engagement.forCommunity(Caller.of(auth), communityId, from, to, granularity);
    }
}
