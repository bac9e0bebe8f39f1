package io.quanzi.community.post;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** One like and one report per member and post, created before serving. */
@Component
class PostIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    PostIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(PostLike.class)
                                .createIndex(new Index()
                                        .on("postId", Sort.Direction.ASC)
                                        .on("memberId", Sort.Direction.ASC)
                                        .unique()
                                        .named("post_member_unique")),
                        mongo.indexOps(PostReport.class)
                                .createIndex(new Index()
                                        .on("postId", Sort.Direction.ASC)
                                        .on("reporterId", Sort.Direction.ASC)
                                        .unique()
                                        .named("post_reporter_unique")),
                        mongo.indexOps(Post.class)
                                .createIndex(new Index()
                                        .on("communityId", Sort.Direction.ASC)
                                        .on("_id", Sort.Direction.DESC)
                                        .named("community_feed")),
                        mongo.indexOps(Comment.class)
                                .createIndex(new Index()
                                        .on("postId", Sort.Direction.ASC)
                                        .on("_id", Sort.Direction.DESC)
                                        .named("post_comments")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
