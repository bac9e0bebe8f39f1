package io.quanzi.offer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A brand admin's earning rules, and the defaults for a brand without any. */
class BrandSettingsTest extends OfferTestSupport {

    @Test
    void brandWithoutSettingsRunsOnTheDefaults() {
        readSettings(brandAdmin("ada", brand))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.custom")
                .isEqualTo(false)
                .jsonPath("$.activityPoints.CLUB_JOIN")
                .isEqualTo(20)
                .jsonPath("$.activityPoints.CHECK_IN")
                .isEqualTo(50)
                .jsonPath("$.activityPoints.FIRST_POST")
                .isEqualTo(10)
                .jsonPath("$.activityPoints.REFERRAL_REFERRER")
                .isEqualTo(100)
                .jsonPath("$.activityPoints.REFERRAL_REFEREE")
                .isEqualTo(50)
                .jsonPath("$.expiryMonths")
                .isEqualTo(12)
                .jsonPath("$.tiers[1].name")
                .isEqualTo("Core fan")
                .jsonPath("$.tiers[2].threshold")
                .isEqualTo(2000);
    }

    @Test
    void newRulesApplyToTheNextEarningIncludingTheirTierLadder() {
        putSettings(brandAdmin("ada", brand), BRAND_SETTINGS)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.custom")
                .isEqualTo(true)
                .jsonPath("$.currency")
                .isEqualTo("EUR");

        String memberId = newId("member");
        Map<String, Object> first = earn(memberId, brand, "CHECK_IN", null, "c1");
        Map<String, Object> second = earn(memberId, brand, "CHECK_IN", null, "c2");
        Map<String, Object> third = earn(memberId, brand, "CHECK_IN", null, "c3");

        assertThat(first.get("points")).isEqualTo(80);
        assertThat(second.get("points")).as("still a Friend at 80 points").isEqualTo(80);
        assertThat(third.get("points"))
                .as("Insider from 100 points, multiplier 2")
                .isEqualTo(160);
    }

    @Test
    void ladderMustStartAtZeroAndRise() {
        String falling = BRAND_SETTINGS.replace("\"threshold\": 100", "\"threshold\": 0");

        putSettings(brandAdmin("ada", brand), falling)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        readSettings(brandAdmin("ada", brand)).expectBody().jsonPath("$.custom").isEqualTo(false);
    }

    @Test
    void everyActivityMustBeGiven() {
        putSettings(brandAdmin("ada", brand), BRAND_SETTINGS.replace("\"FIRST_POST\": 1,", ""))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("activityPoints");
    }
}
