package io.quanzi.community.checkin;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Before serving: the check-in indexes (one check-in per member and event, the brand's and member's history) and the
 * signing keys (made on the first start, rotated when due).
 */
@Component
@EnableConfigurationProperties(CheckInProperties.class)
class CheckInStartup implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;
    private final SigningKeys keys;
    private final CheckInProperties properties;

    CheckInStartup(ReactiveMongoTemplate mongo, SigningKeys keys, CheckInProperties properties) {
        this.mongo = mongo;
        this.keys = keys;
        this.properties = properties;
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
                .then(keys.load(properties.keyRotation()))
                .block(Duration.ofSeconds(30));
    }
}
