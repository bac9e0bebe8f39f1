package io.quanzi.community.client;

import io.quanzi.platform.client.ServiceWebClients;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One client per downstream service, each with its own time limit and circuit breaker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamProperties.class)
class ClientConfiguration {

    @Bean
    OfferClient offerClient(ServiceWebClients clients, DownstreamProperties properties) {
        return new OfferClient(
                clients.builder(properties.offerServiceUrl().toString()).build(),
                new Downstream("offer-service", properties.callTimeout(), properties.circuitOpenFor()));
    }

    @Bean
    MemberClient memberClient(ServiceWebClients clients, DownstreamProperties properties) {
        return new MemberClient(
                clients.builder(properties.memberServiceUrl().toString()).build(),
                new Downstream("member-service", properties.callTimeout(), properties.circuitOpenFor()),
                properties.zoneLookupTimeout());
    }
}
