package io.quanzi.community.community;

import java.time.Instant;

/** A membership as its member and the community's moderators see it. */
record MembershipResponse(
        String communityId,
        String memberId,
        MembershipStatus status,
        CommunityRole role,
        String application,
        String decisionReason,
        Instant requestedAt,
        Instant joinedAt,
        Instant updatedAt) {

    static MembershipResponse of(CommunityMembership m) {
        return new MembershipResponse(
                m.communityId(),
                m.memberId(),
                m.status(),
                m.role(),
                m.application(),
                m.decisionReason(),
                m.requestedAt(),
                m.joinedAt(),
                m.updatedAt());
    }
}
