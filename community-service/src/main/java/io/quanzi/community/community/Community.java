package io.quanzi.community.community;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A brand's community. {@code memberCount} is changed only with {@code $inc}, conditionally on the
 * size cap when there is one, so concurrent joins can never overfill it.
 */
@Document("communities")
record Community(
        @Id String id,
        String brandId,
        String name,
        String description,
        CommunityKind kind,
        JoinPolicy joinPolicy,
        List<String> tags,
        String coverImageUrl,
        Integer sizeCap,
        long memberCount,
        String createdBy,
        Instant createdAt) {}
