package io.quanzi.community.post;

import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A post in a community. Counters change only with {@code $inc} after the unique like/report
 * document that justifies them was written or removed. {@code outbox} carries the FIRST_POST
 * points award (only on the author's first post in the community), relayed to offer-service by
 * the platform relay with the idempotency key {@code first-post:{communityId}:{memberId}}
 * ({@link FirstPostPoints}).
 * {@code authorName} is the author's display name when they wrote it (null on older posts).
 */
@Document("community_posts")
record Post(
        @Id String id,
        String communityId,
        String brandId,
        String authorId,
        String text,
        List<String> imageUrls,
        Instant createdAt,
        long likeCount,
        long commentCount,
        long shareCount,
        long reportCount,
        boolean hidden,
        String hiddenBy,
        Instant hiddenAt,
        String hiddenReason,
        boolean firstPost,
        List<OutboxEntry> outbox,
        String authorName) {

    static final String COLLECTION = "community_posts";
    static final String FIRST_POST_POINTS = "first-post-points";

    String pointsKey() {
        return "first-post:" + communityId + ":" + authorId;
    }
}
