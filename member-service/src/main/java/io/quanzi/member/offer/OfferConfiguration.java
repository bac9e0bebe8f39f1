package io.quanzi.member.offer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.quanzi.platform.client.ServiceWebClients;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The offer-service client (Resilience4j instances {@code offer-service*} from YAML) and the outbox relay. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OfferClientProperties.class, OutboxProperties.class})
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

    @Bean
    OutboxRelay outboxRelay(
            ReactiveMongoTemplate mongo,
            OfferClient offers,
            List<OutboxSource> sources,
            OutboxProperties properties,
            Clock clock) {
        return new OutboxRelay(mongo, offers, sources, properties, clock);
    }
}
