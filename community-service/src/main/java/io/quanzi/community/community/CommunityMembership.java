package io.quanzi.community.community;

import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One member in one community (unique on communityId + memberId). Every change is a conditional
 * single-document update from the statuses it may start from, so concurrent approve, reject and
 * leave calls cannot both win.
 *
 * <p>{@code outbox} carries the membership facts pushed to offer-service ({@link MembershipFacts}:
 * {@code community:{id}}, and {@code core-group:{id}} for a core group), one entry per change,
 * delivered in order by the platform relay.
 */
@Document("community_memberships")
record CommunityMembership(
        @Id String id,
        String communityId,
        String brandId,
        String memberId,
        MembershipStatus status,
        CommunityRole role,
        String application,
        String decisionReason,
        String decidedBy,
        String invitedBy,
        Instant requestedAt,
        Instant joinedAt,
        Instant updatedAt,
        String viaShare,
        String viaSharer,
        boolean coreGroup,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "community_memberships";

    /** Whether the latest fact queued says the member is in (false when none was). */
    boolean factPresent() {
        return outbox != null
                && !outbox.isEmpty()
                && outbox.get(outbox.size() - 1).flag("present");
    }

    CommunityMembership withInvitation(String inviter) {
        return new CommunityMembership(
                id,
                communityId,
                brandId,
                memberId,
                status,
                role,
                application,
                decisionReason,
                decidedBy,
                inviter,
                requestedAt,
                joinedAt,
                updatedAt,
                viaShare,
                viaSharer,
                coreGroup,
                outbox);
    }

    CommunityMembership withDecision(String reason, String decider) {
        return new CommunityMembership(
                id,
                communityId,
                brandId,
                memberId,
                status,
                role,
                application,
                reason,
                decider,
                invitedBy,
                requestedAt,
                joinedAt,
                updatedAt,
                viaShare,
                viaSharer,
                coreGroup,
                outbox);
    }
}
