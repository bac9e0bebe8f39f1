package io.quanzi.member.offer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where offer-service is and how long the card waits for a member's tier.
 *
 * @param baseUrl offer-service's base URL ({@code OFFER_SERVICE_URL})
 * @param tierCacheTtl how long a tier read from offer-service is shown without asking again
 */
@ConfigurationProperties("quanzi.offer")
public record OfferClientProperties(String baseUrl, Duration tierCacheTtl) {

    public OfferClientProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            baseUrl = "http://localhost:8083";
        }
        if (tierCacheTtl == null) {
            tierCacheTtl = Duration.ofSeconds(60);
        }
    }
}
