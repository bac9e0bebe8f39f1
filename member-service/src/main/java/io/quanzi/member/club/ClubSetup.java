package io.quanzi.member.club;

import io.quanzi.platform.outbox.OutboxSource;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

/** The unique indexes memberships stand on, and the membership outbox. */
@Configuration(proxyBeanMethods = false)
class ClubSetup {

    @Bean
    OutboxSource membershipOutbox() {
        return new OutboxSource("memberships");
    }

    @Bean
    ApplicationRunner membershipIndexes(ReactiveMongoTemplate mongo) {
        return new ApplicationRunner() {
            @Override
            public void run(ApplicationArguments args) {
                Flux.concat(
                                mongo.indexOps(Membership.class)
                                        .createIndex(new Index()
                                                .on("memberId", Sort.Direction.ASC)
                                                .on("brandId", Sort.Direction.ASC)
                                                .unique()
                                                .named("member_brand_unique")),
                                mongo.indexOps(Membership.class)
                                        .createIndex(new Index()
                                                .on("brandId", Sort.Direction.ASC)
                                                .on("memberNumber", Sort.Direction.ASC)
                                                .unique()
                                                .named("brand_number_unique")),
                                mongo.indexOps(Membership.class)
                                        .createIndex(new Index()
                                                .on("brandId", Sort.Direction.ASC)
                                                .on("joinedAt", Sort.Direction.ASC)
                                                .named("brand_joined")))
                        .then()
                        .block(Duration.ofSeconds(30));
            }
        };
    }
}
