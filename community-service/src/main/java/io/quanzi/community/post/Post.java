package io.quanzi.community.post;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A post in a community. Counters change only with {@code $inc} after the unique like/report
 * document that justifies them was written or removed. {@code points*} is the outbox of the
 * FIRST_POST points award (only on the author's first post in the community), relayed to
 * offer-service with the idempotency key {@code first-post:{communityId}:{memberId}}.
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
        OutboxState pointsState,
        int pointsAttempts,
        Instant pointsNextAttemptAt,
        String pointsError,
        String authorName) {

    /** Where the FIRST_POST award stands. */
    enum OutboxState {
        PENDING,
        SENT,
        FAILED
    }

    String pointsKey() {
        return "first-post:" + communityId + ":" + authorId;
    }
}
