package io.quanzi.community.community;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One member in one community (unique on communityId + memberId). Every change is a conditional
 * single-document update from the statuses it may start from, so concurrent approve, reject and
 * leave calls cannot both win.
 *
 * <p>The {@code fact*} fields are the outbox of the membership fact pushed to offer-service
 * ({@code community:{id}}, and {@code core-group:{id}} for a core group): {@code factSeq} counts
 * changes of {@code factPresent}; {@code factPending} stays true until offer-service acknowledged
 * the latest change ({@code factSentSeq}).
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
        boolean factPresent,
        boolean factPending,
        long factSeq,
        long factSentSeq,
        int factAttempts,
        Instant factNextAttemptAt,
        boolean factFailed,
        String factError) {

    static final String COLLECTION = "community_memberships";

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
                factPresent,
                factPending,
                factSeq,
                factSentSeq,
                factAttempts,
                factNextAttemptAt,
                factFailed,
                factError);
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
                factPresent,
                factPending,
                factSeq,
                factSentSeq,
                factAttempts,
                factNextAttemptAt,
                factFailed,
                factError);
    }
}
