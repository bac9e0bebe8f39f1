package io.quanzi.community.post;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One member's like of one post (unique on postId + memberId). */
@Document("community_likes")
record PostLike(@Id String id, String postId, String memberId, Instant createdAt) {}
