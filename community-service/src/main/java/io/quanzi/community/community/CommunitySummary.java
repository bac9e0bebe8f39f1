package io.quanzi.community.community;

import java.time.Instant;
import java.util.List;

/** What anyone signed in sees of a community. */
public record CommunitySummary(
        String id,
        String brandId,
        String name,
        String description,
        CommunityKind kind,
        JoinPolicy joinPolicy,
        List<String> tags,
        String coverImageUrl,
        Integer sizeCap,
        long memberCount,
        Instant createdAt) {

    static CommunitySummary of(Community c) {
        return new CommunitySummary(
                c.id(),
                c.brandId(),
                c.name(),
                c.description(),
                c.kind(),
                c.joinPolicy(),
                c.tags() == null ? List.of() : c.tags(),
                c.coverImageUrl(),
                c.sizeCap(),
                c.memberCount(),
                c.createdAt());
    }
}
