package io.quanzi.member.profile;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the profile indexes before the app reports ready. Runs once on the main thread at
 * start-up, which may wait: no request is served until the invariant it backs is in place.
 */
@Component
class MemberProfileIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    MemberProfileIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(MemberProfile.class)
                .createIndex(
                        new Index().on("subject", Sort.Direction.ASC).unique().named("subject_unique"))
                .block(Duration.ofSeconds(30));
    }
}
