package io.quanzi.member.referral;

import io.quanzi.platform.outbox.OutboxSource;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

/** The indexes the referral rules stand on, and the referral outbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferralProperties.class)
class ReferralSetup {

    @Bean
    OutboxSource referralOutbox() {
        return new OutboxSource("referrals");
    }

    @Bean
    ApplicationRunner referralIndexes(ReactiveMongoTemplate mongo) {
        return new ApplicationRunner() {
            @Override
            public void run(ApplicationArguments args) {
                Flux.concat(
                                mongo.indexOps(Referral.class)
                                        .createIndex(new Index()
                                                .on("brandId", Sort.Direction.ASC)
                                                .on("refereeId", Sort.Direction.ASC)
                                                .unique()
                                                .named("brand_referee_unique")),
                                mongo.indexOps(Referral.class)
                                        .createIndex(new Index()
                                                .on("referrerId", Sort.Direction.ASC)
                                                .named("referrer")),
                                mongo.indexOps(Referral.class)
                                        .createIndex(new Index()
                                                .on("ancestors", Sort.Direction.ASC)
                                                .named("ancestors")),
                                mongo.indexOps(Invite.class)
                                        .createIndex(new Index()
                                                .on("memberId", Sort.Direction.ASC)
                                                .on("brandId", Sort.Direction.ASC)
                                                .unique()
                                                .named("member_brand_unique")))
                        .then()
                        .block(Duration.ofSeconds(30));
            }
        };
    }
}
