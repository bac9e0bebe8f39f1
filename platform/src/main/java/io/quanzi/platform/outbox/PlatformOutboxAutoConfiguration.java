package io.quanzi.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The outbox relay for every app that declares an {@link OutboxSource} (a collection whose documents carry entries)
 * and {@link OutboxHandler}s (one per kind of entry it writes).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass(ReactiveMongoTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformOutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean({ReactiveMongoTemplate.class, OutboxSource.class})
    OutboxRelay outboxRelay(
            ReactiveMongoTemplate mongo,
            ObjectProvider<OutboxSource> sources,
            ObjectProvider<OutboxHandler> handlers,
            OutboxProperties properties,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(
                mongo,
                sources.orderedStream().toList(),
                handlers.orderedStream().toList(),
                properties,
                clock,
                meters.getIfAvailable());
    }

    /** The index the relay's sweep and gauges read every source by, created with the apps' other indexes. */
    @Bean
    @ConditionalOnBean({ReactiveMongoTemplate.class, OutboxSource.class})
    IndexDeclarations outboxIndexes(ObjectProvider<OutboxSource> sources) {
        return OutboxRelay.indexes(sources.orderedStream().toList());
    }
}
