package io.quanzi.community.community;

import java.time.Instant;
import java.util.List;

/** A page of a community's members as its moderators and the brand's admins see it; names where known. */
record CommunityMemberList(List<Entry> items, String nextCursor) {

    record Entry(
            String memberId,
            String memberName,
            MembershipStatus status,
            CommunityRole role,
            String application,
            String decisionReason,
            String invitedBy,
            Instant requestedAt,
            Instant joinedAt,
            Instant updatedAt,
            boolean viaShare) {

        static Entry of(CommunityMembership m, String name) {
            return new Entry(
                    m.memberId(),
                    name,
                    m.status(),
                    m.role(),
                    m.application(),
                    m.decisionReason(),
                    m.invitedBy(),
                    m.requestedAt(),
                    m.joinedAt(),
                    m.updatedAt(),
                    m.viaShare() != null);
        }
    }
}
