package io.quanzi.offer.tier;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Indexes the tier review scans by (review and downgrade dates). */
@Component
class TierIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    TierIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var tiers = mongo.indexOps(MemberTier.class);
        Flux.concat(
                        tiers.createIndex(
                                new Index().on("reviewAt", Sort.Direction.ASC).named("review_at")),
                        tiers.createIndex(new Index()
                                .on("downgradeDueAt", Sort.Direction.ASC)
                                .named("downgrade_due_at")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
