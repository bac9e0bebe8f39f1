package io.quanzi.offer.coupon;

import io.quanzi.offer.offer.Offers;
import io.quanzi.offer.system.Ids;
import io.quanzi.platform.problem.Problem;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Claims and redemptions of one offer over time, for the admins of the offer's brand (role in
 * {@code CouponSecurityRules}, brand scope in {@link Offers#managedBrandId}).
 */
@RestController
@RequestMapping("/api/offers/managed/{offerId}/stats")
class OfferStatsController {

    static final int MAX_DAYS = 400;

    private final Offers offers;
    private final OfferStats stats;
    private final Clock clock;

    OfferStatsController(Offers offers, OfferStats stats, Clock clock) {
        this.offers = offers;
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * @param from first day, in {@code timezone} (default 29 days before {@code to})
     * @param to last day, in {@code timezone} (default today there)
     * @param timezone an IANA zone id such as {@code Asia/Shanghai} (default UTC): the brand's, from member-service
     */
    @GetMapping
    Mono<OfferStats.Report> stats(
            @AuthenticationPrincipal Jwt admin,
            @PathVariable @Pattern(regexp = Ids.ID) String offerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") OfferStats.Granularity granularity,
            @RequestParam(defaultValue = "UTC") @Pattern(regexp = "[A-Za-z]+(/[A-Za-z0-9_+-]+){0,2}") String timezone) {
        ZoneId zone = zone(timezone);
        LocalDate last = to != null ? to : LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw invalid("'from' must not be after 'to'.");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw invalid("The range may span at most " + MAX_DAYS + " days.");
        }
        return offers.managedBrandId(admin, offerId)
                .flatMap(brandId -> stats.report(offerId, brandId, zone, first, last, granularity));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            throw invalid("'" + id + "' is not a known time zone id.");
        }
    }

    private static RuntimeException invalid(String detail) {
        return Problem.of(HttpStatus.BAD_REQUEST, "validation", detail);
    }
}
