package io.quanzi.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The {@code mongo} readiness check of services that own a MongoDB database. */
@AutoConfiguration
@ConditionalOnClass(ReactiveMongoTemplate.class)
public class PlatformHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
