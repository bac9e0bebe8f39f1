package io.quanzi.community.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where community-service finds the services it calls, and how long it waits for them.
 *
 * @param offerServiceUrl offer-service's base URL ({@code OFFER_SERVICE_URL})
 * @param memberServiceUrl member-service's base URL ({@code MEMBER_SERVICE_URL})
 * @param callTimeout the time limit of one call (Resilience4j {@code TimeLimiter})
 * @param circuitOpenFor how long a circuit stays open (calls fail fast) before trial calls go through again
 * @param trustedStores <b>dev and tests only</b>: {@code storeId:brandId} pairs answered locally instead of asking
 *     member-service, for stacks whose member-service does not serve {@code /internal/stores/{id}} yet. Empty in
 *     production; a warning is logged at start-up when set.
 */
@ConfigurationProperties("quanzi.community")
public record DownstreamProperties(
        URI offerServiceUrl,
        URI memberServiceUrl,
        Duration callTimeout,
        Duration circuitOpenFor,
        List<String> trustedStores) {

    public DownstreamProperties {
        if (offerServiceUrl == null) {
            offerServiceUrl = URI.create("http://localhost:8083");
        }
        if (memberServiceUrl == null) {
            memberServiceUrl = URI.create("http://localhost:8081");
        }
        if (callTimeout == null) {
            callTimeout = Duration.ofSeconds(3);
        }
        if (circuitOpenFor == null) {
            circuitOpenFor = Duration.ofSeconds(10);
        }
        trustedStores = trustedStores == null ? List.of() : List.copyOf(trustedStores);
    }

    /** The trusted stores as storeId → brandId; entries that are not {@code store:brand} are refused. */
    Map<String, String> trustedStoreBrands() {
        Map<String, String> brands = new LinkedHashMap<>();
        for (String pair : trustedStores) {
            String[] parts = pair.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        "quanzi.community.trusted-stores entries are storeId:brandId, not '" + pair + "'");
            }
            brands.put(parts[0].trim(), parts[1].trim());
        }
        return Map.copyOf(brands);
    }
}
