package io.quanzi.community.community;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the activity log; {@code day} is the date of {@code at} in the brand's timezone when it was recorded
 * (UTC if member-service could not tell), for cheap grouping. It is never recomputed.
 */
@Document("community_activity")
record Activity(
        @Id String id,
        String brandId,
        String communityId,
        String memberId,
        ActivityKind kind,
        Instant at,
        String day,
        String ref) {}
