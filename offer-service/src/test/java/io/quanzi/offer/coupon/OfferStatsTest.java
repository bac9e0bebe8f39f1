package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.offer.support.Tokens;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An offer's claims and redemptions per period of the brand's zone, for that brand's admins only. */
class OfferStatsTest extends OfferServiceTest {

    private static final String ZONE = "Asia/Shanghai";

    @Test
    void countsClaimsAndRedemptionsPerDayInTheZoneWithTotalsAndStores() {
        String offerId = createOffer();
        String first = newMemberId();
        String second = newMemberId();
        claimCoupon(first, offerId);
        String redeemed = claimCoupon(second, offerId);
        redeem(qrToken(second, redeemed), STORE).expectStatus().isOk();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(ZONE));

        Map<?, ?> report = stats(Tokens.brandAdmin("admin-a", BRAND), offerId, "?timezone=" + ZONE)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(report.get("brandId")).isEqualTo(BRAND);
        assertThat(report.get("timezone")).isEqualTo(ZONE);
        assertThat(report.get("to")).isEqualTo(today.toString());
        assertThat(report.get("from")).isEqualTo(today.minusDays(29).toString());
        assertThat(report.get("claims")).isEqualTo(2);
        assertThat(report.get("redemptions")).isEqualTo(1);
        List<?> buckets = (List<?>) report.get("buckets");
        assertThat(buckets).hasSize(30);
        assertThat(buckets.get(29)).isEqualTo(Map.of("start", today.toString(), "claims", 2, "redemptions", 1));
        assertThat(buckets.get(0))
                .isEqualTo(Map.of("start", today.minusDays(29).toString(), "claims", 0, "redemptions", 0));
        assertThat(report.get("stores")).isEqualTo(List.of(Map.of("storeId", STORE, "redemptions", 1)));
    }

    @Test
    void groupsByMonthAndLeavesOutClaimsOutsideTheRange() {
        String offerId = createOffer();
        claimCoupon(newMemberId(), offerId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC"));
        LocalDate monthAgo = today.minusMonths(2);

        Map<?, ?> report = stats(
                        Tokens.brandAdmin("admin-a", BRAND),
                        offerId,
                        "?granularity=MONTH&from=" + monthAgo + "&to=" + today.minusDays(1))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(report.get("claims")).isEqualTo(0);
        List<?> buckets = (List<?>) report.get("buckets");
        assertThat(buckets).isNotEmpty();
        assertThat(((Map<?, ?>) buckets.get(0)).get("start"))
                .isEqualTo(monthAgo.withDayOfMonth(1).toString());
    }

    @Test
    void onlyTheOffersBrandAdminsReadIt() {
        String offerId = createOffer();
        expectProblem(stats(Tokens.brandAdmin("admin-b", OTHER_BRAND), offerId, ""), 403, "not-brand-admin-of-brand");
        stats(Tokens.member(newMemberId()), offerId, "").expectStatus().isForbidden();
        stats(Tokens.staff("staff", STORE), offerId, "").expectStatus().isForbidden();
        expectProblem(stats(Tokens.brandAdmin("admin-a", BRAND), "no-such-offer", ""), 404, "offer-not-found");
    }

    @Test
    void badRangesAndZonesAreProblems() {
        String offerId = createOffer();
        var admin = Tokens.brandAdmin("admin-a", BRAND);
        for (String query : List.of(
                "?timezone=Mars/Olympus",
                "?timezone=%3Cscript%3E",
                "?from=2026-05-02&to=2026-05-01",
                "?from=2024-01-01&to=2026-01-01",
                "?from=yesterday",
                "?granularity=HOUR")) {
            stats(admin, offerId, query)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private WebTestClient.ResponseSpec stats(
            org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator who,
            String offerId,
            String query) {
        return web.mutateWith(who)
                .get()
                .uri("/api/offers/managed/" + offerId + "/stats" + query)
                .exchange();
    }
}
