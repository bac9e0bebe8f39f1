package io.quanzi.member.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        // MongoDB keeps milliseconds: ticking in milliseconds makes what we answer equal what we stored.
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
    }
}
