package io.quanzi.community.post;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One member's like of one post (unique on postId + memberId). Unliking clears {@code active} rather than deleting the
 * document, so liking again is known to be a re-like: only the first like counts as engagement in the activity log.
 * A document without {@code active} (written before the flag existed) is an active like.
 */
@Document("community_likes")
record PostLike(@Id String id, String postId, String memberId, Instant createdAt, Boolean active) {

    static final String ACTIVE = "active";
}
