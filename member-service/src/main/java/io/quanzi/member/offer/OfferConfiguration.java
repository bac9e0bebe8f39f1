package io.quanzi.member.offer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.quanzi.platform.client.ServiceWebClients;
import io.quanzi.platform.outbox.OutboxHandler;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The offer-service client (Resilience4j instances {@code offer-service*} from YAML) and its outbox handlers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OfferClientProperties.class)
class OfferConfiguration {

    @Bean
    OfferClient offerClient(
            ServiceWebClients clients,
            OfferClientProperties properties,
            CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters,
            RetryRegistry retries,
            Clock clock) {
        return new OfferClient(
                clients.builder(properties.baseUrl()).build(),
                circuitBreakers.circuitBreaker("offer-service"),
                timeLimiters.timeLimiter("offer-service"),
                timeLimiters.timeLimiter("offer-service-read"),
                retries.retry("offer-service-read"),
                clock,
                properties.tierCacheTtl());
    }

    /** The platform relay delivers the {@link OfferCall} kinds through the client; facts keep their order. */
    @Bean
    OutboxHandler offerEarnHandler(OfferClient offers) {
        return handler(OfferCall.EARN, false, offers);
    }

    @Bean
    OutboxHandler offerFactHandler(OfferClient offers) {
        return handler(OfferCall.FACT, true, offers);
    }

    @Bean
    OutboxHandler offerStoreHandler(OfferClient offers) {
        return handler(OfferCall.STORE, false, offers);
    }

    private static OutboxHandler handler(String kind, boolean ordered, OfferClient offers) {
        return OutboxHandler.of(kind, ordered, entry -> offers.deliver(entry).map(Delivery::toResult));
    }
}
