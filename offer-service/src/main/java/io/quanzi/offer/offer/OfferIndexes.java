package io.quanzi.offer.offer;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Indexes for listing offers and finding the bucket that holds a claim's unit. */
@Component
class OfferIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    OfferIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(Offer.class)
                                .createIndex(new Index()
                                        .on("brandId", Sort.Direction.ASC)
                                        .on("status", Sort.Direction.ASC)
                                        .on("validUntil", Sort.Direction.ASC)
                                        .named("brand_status_until")),
                        mongo.indexOps(StockBucket.class)
                                .createIndex(new Index()
                                        .on("offerId", Sort.Direction.ASC)
                                        .on("takenBy", Sort.Direction.ASC)
                                        .named("offer_taken_by")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
