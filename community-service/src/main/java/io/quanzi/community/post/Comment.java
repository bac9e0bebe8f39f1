package io.quanzi.community.post;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("community_comments")
/** A comment on a post; {@code authorName} is the author's display name when they wrote it (null on older ones). */
record Comment(
        @Id String id,
        String postId,
        String communityId,
        String authorId,
        String text,
        Instant createdAt,
        String authorName) {}
