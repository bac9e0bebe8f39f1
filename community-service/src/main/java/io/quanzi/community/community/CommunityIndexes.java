package io.quanzi.community.community;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Creates the community indexes before serving: one membership per member and community, and the membership-fact
 * relay's query (pending, not failed, due).
 */
@Component
class CommunityIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    CommunityIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(CommunityMembership.class)
                                .createIndex(new Index()
                                        .on("communityId", Sort.Direction.ASC)
                                        .on("memberId", Sort.Direction.ASC)
                                        .unique()
                                        .named("community_member_unique")),
                        mongo.indexOps(CommunityMembership.class)
                                .createIndex(new Index()
                                        .on("factPending", Sort.Direction.ASC)
                                        .on("factFailed", Sort.Direction.ASC)
                                        .on("factNextAttemptAt", Sort.Direction.ASC)
                                        .named("fact_outbox_due")),
                        mongo.indexOps(Community.class)
                                .createIndex(new Index()
                                        .on("brandId", Sort.Direction.ASC)
                                        .named("brand")),
                        mongo.indexOps(Activity.class)
                                .createIndex(new Index()
                                        .on("brandId", Sort.Direction.ASC)
                                        .on("communityId", Sort.Direction.ASC)
                                        .on("day", Sort.Direction.ASC)
                                        .named("brand_community_day")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
