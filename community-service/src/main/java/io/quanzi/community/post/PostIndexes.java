package io.quanzi.community.post;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** One like and one report per member and post, created before serving. */
@Component
class PostIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        PostLike.class,
                        new Index()
                                .on("postId", Sort.Direction.ASC)
                                .on("memberId", Sort.Direction.ASC)
                                .unique()
                                .named("post_member_unique")),
                DocumentIndexes.of(
                        PostReport.class,
                        new Index()
                                .on("postId", Sort.Direction.ASC)
                                .on("reporterId", Sort.Direction.ASC)
                                .unique()
                                .named("post_reporter_unique")),
                DocumentIndexes.of(
                        Post.class,
                        new Index()
                                .on("communityId", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.DESC)
                                .named("community_feed")),
                DocumentIndexes.of(
                        Comment.class,
                        new Index()
                                .on("postId", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.DESC)
                                .named("post_comments")));
    }
}
