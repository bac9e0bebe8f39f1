package io.quanzi.platform.health;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * MongoDB reachability by {@code ping}, which both a real MongoDB and the embedded MongoDB-wire
 * server answer (Boot's own indicator sends {@code hello}, which the embedded server lacks).
 */
public class MongoPingHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Health> health() {
        return mongo.executeCommand("{ ping: 1 }")
                .timeout(TIMEOUT)
                .map(answer -> Health.up().build())
                .onErrorResume(failure -> Mono.just(Health.down()
                        .withDetail("error", failure.getClass().getSimpleName())
                        .build()));
    }
}
