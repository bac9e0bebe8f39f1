package io.quanzi.community.share;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member's first visit through one share link (unique on code + visitorId); {@code lastVisitedAt} moves on repeats. */
@Document("community_share_visits")
record ShareVisit(
        @Id String id,
        String code,
        String visitorId,
        String sharerId,
        String sharerArrivalCode,
        String communityId,
        String brandId,
        String postId,
        int depth,
        Instant visitedAt,
        Instant lastVisitedAt) {}
