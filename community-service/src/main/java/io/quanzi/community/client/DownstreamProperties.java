package io.quanzi.community.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where community-service finds the services it calls, and how long it waits for them.
 *
 * @param offerServiceUrl offer-service's base URL ({@code OFFER_SERVICE_URL})
 * @param memberServiceUrl member-service's base URL ({@code MEMBER_SERVICE_URL})
 * @param callTimeout the time limit of one call (Resilience4j {@code TimeLimiter})
 * @param circuitOpenFor how long a circuit stays open (calls fail fast) before trial calls go through again
 * @param zoneLookupTimeout how long a brand's timezone is waited for before UTC is used instead (recording an
 *     activity waits for it)
 */
@ConfigurationProperties("quanzi.community")
public record DownstreamProperties(
        URI offerServiceUrl,
        URI memberServiceUrl,
        Duration callTimeout,
        Duration circuitOpenFor,
        Duration zoneLookupTimeout) {

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
        if (zoneLookupTimeout == null) {
            zoneLookupTimeout = Duration.ofSeconds(1);
        }
    }
}
