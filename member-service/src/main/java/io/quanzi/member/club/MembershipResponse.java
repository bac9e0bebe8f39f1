package io.quanzi.member.club;

import io.quanzi.member.referral.Attribution;
import java.time.Instant;

/**
 * The caller's membership. On a join, {@code alreadyMember} tells a repeated join from a new one,
 * and {@code referral} (when an invite code was given) whether the invite was credited and why not.
 */
record MembershipResponse(
        String brandId,
        long memberNumber,
        MembershipStatus status,
        JoinSource source,
        String storeId,
        Instant joinedAt,
        boolean alreadyMember,
        Attribution referral) {

    static MembershipResponse of(Membership membership, boolean alreadyMember, Attribution referral) {
        return new MembershipResponse(
                membership.brandId(),
                membership.memberNumber(),
                membership.status(),
                membership.source(),
                membership.storeId(),
                membership.joinedAt(),
                alreadyMember,
                referral);
    }
}
