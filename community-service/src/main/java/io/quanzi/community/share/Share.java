package io.quanzi.community.share;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A share link of a post. {@code parentCode} is the share the sharer themselves arrived through
 * (if any, within the attribution window), so {@code depth} is the link's place in the spread
 * chain: 1 for a share by someone who came on their own, 2 for a share by someone who arrived
 * through a depth-1 share, and so on. {@code sharerName} is the sharer's display name when they
 * shared (null on older shares).
 */
@Document("community_shares")
record Share(
        @Id String id,
        String code,
        String postId,
        String communityId,
        String brandId,
        String sharerId,
        String parentCode,
        int depth,
        Instant createdAt,
        String sharerName) {}
