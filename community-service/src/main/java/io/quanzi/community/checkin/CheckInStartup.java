package io.quanzi.community.checkin;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Before serving: the check-in indexes (one check-in per member and event, the brand's and member's history); the
 * signing keys load themselves ({@link CheckInSigningKeys}).
 */
@Component
class CheckInStartup implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    CheckInStartup(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(CheckIn.class)
                                .createIndex(new Index()
                                        .on(CheckIn.EVENT_ID, Sort.Direction.ASC)
                                        .on(CheckIn.MEMBER_ID, Sort.Direction.ASC)
                                        .unique()
                                        .named("event_member_unique")),
                        mongo.indexOps(CheckIn.class)
                                .createIndex(new Index()
                                        .on(CheckIn.BRAND_ID, Sort.Direction.ASC)
                                        .on(CheckIn.CHECKED_IN_AT, Sort.Direction.ASC)
                                        .named("brand_checked_in")),
                        mongo.indexOps(CheckIn.class)
                                .createIndex(new Index()
                                        .on(CheckIn.BRAND_ID, Sort.Direction.ASC)
                                        .on(CheckIn.MEMBER_ID, Sort.Direction.ASC)
                                        .on(CheckIn.CHECKED_IN_AT, Sort.Direction.ASC)
                                        .named("brand_member_checked_in")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
