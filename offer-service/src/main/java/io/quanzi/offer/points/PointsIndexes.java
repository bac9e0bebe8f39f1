package io.quanzi.offer.points;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The ledger's indexes, created before the app reports ready: the unique (brandId,
 * idempotencyKey) index is what makes every key apply at most once.
 */
@Component
class PointsIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    PointsIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var entries = mongo.indexOps(PointsEntry.class);
        Flux.concat(
                        entries.createIndex(new Index()
                                .on("brandId", Sort.Direction.ASC)
                                .on("idempotencyKey", Sort.Direction.ASC)
                                .unique()
                                .named("brand_key_unique")),
                        entries.createIndex(new Index()
                                .on("state", Sort.Direction.ASC)
                                .on("createdAt", Sort.Direction.ASC)
                                .named("state_created")),
                        entries.createIndex(new Index()
                                .on("brandId", Sort.Direction.ASC)
                                .on("memberId", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.DESC)
                                .named("member_history")),
                        mongo.indexOps(PointsAccount.class)
                                .createIndex(new Index()
                                        .on("brandId", Sort.Direction.ASC)
                                        .named("brand")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
