package io.quanzi.offer.purchase;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** A receipt is recorded once per store: unique (storeId, receiptNumber). */
@Component
class PurchaseIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    PurchaseIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(Purchase.class)
                .createIndex(new Index()
                        .on("storeId", Sort.Direction.ASC)
                        .on("receiptNumber", Sort.Direction.ASC)
                        .unique()
                        .named("store_receipt_unique"))
                .block(Duration.ofSeconds(30));
    }
}
