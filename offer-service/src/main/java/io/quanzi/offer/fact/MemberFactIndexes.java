package io.quanzi.offer.fact;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** One document per (member, brand, fact) and per (brand, member number), whatever the pushes race. */
@Component
class MemberFactIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    MemberFactIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(MemberFact.class)
                .createIndex(new Index()
                        .on("memberId", Sort.Direction.ASC)
                        .on("brandId", Sort.Direction.ASC)
                        .on("fact", Sort.Direction.ASC)
                        .unique()
                        .named("member_brand_fact_unique"))
                .then(mongo.indexOps(MemberNumber.class)
                        .createIndex(new Index()
                                .on("brandId", Sort.Direction.ASC)
                                .on("memberNumber", Sort.Direction.ASC)
                                .unique()
                                .named("brand_member_number_unique")))
                .block(Duration.ofSeconds(30));
    }
}
