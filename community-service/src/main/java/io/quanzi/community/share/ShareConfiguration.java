package io.quanzi.community.share;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

/** Share settings, and the unique indexes (one code, one visit per visitor and link) before serving. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShareProperties.class)
class ShareConfiguration implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    ShareConfiguration(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(Share.class)
                                .createIndex(new Index()
                                        .on("code", Sort.Direction.ASC)
                                        .unique()
                                        .named("code_unique")),
                        mongo.indexOps(ShareVisit.class)
                                .createIndex(new Index()
                                        .on("code", Sort.Direction.ASC)
                                        .on("visitorId", Sort.Direction.ASC)
                                        .unique()
                                        .named("code_visitor_unique")),
                        mongo.indexOps(ShareVisit.class)
                                .createIndex(new Index()
                                        .on("communityId", Sort.Direction.ASC)
                                        .on("visitorId", Sort.Direction.ASC)
                                        .named("community_visitor")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
