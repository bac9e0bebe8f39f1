package io.quanzi.community.client;

import io.quanzi.platform.client.ServiceWebClients;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One client per downstream service, each with its own time limit and circuit breaker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamProperties.class)
class ClientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClientConfiguration.class);

    @Bean
    OfferClient offerClient(ServiceWebClients clients, DownstreamProperties properties) {
        return new OfferClient(
                clients.builder(properties.offerServiceUrl().toString()).build(),
                new Downstream("offer-service", properties.callTimeout(), properties.circuitOpenFor()));
    }

    @Bean
    MemberClient memberClient(ServiceWebClients clients, DownstreamProperties properties) {
        Map<String, String> trusted = properties.trustedStoreBrands();
        if (!trusted.isEmpty()) {
            log.warn(
                    "quanzi.community.trusted-stores is set (dev/test only): stores {} are not verified with"
                            + " member-service",
                    trusted);
        }
        return new MemberClient(
                clients.builder(properties.memberServiceUrl().toString()).build(),
                new Downstream("member-service", properties.callTimeout(), properties.circuitOpenFor()),
                trusted);
    }
}
