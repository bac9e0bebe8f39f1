package io.quanzi.platform.time;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of every app, in UTC. It ticks in milliseconds because MongoDB keeps
 * milliseconds: what an app answers equals what it stored. Tests replace it with their own bean.
 */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
