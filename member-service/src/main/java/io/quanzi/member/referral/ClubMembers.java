package io.quanzi.member.referral;

import reactor.core.publisher.Mono;

/** What referrals need to know about brand-club memberships (implemented by the club feature). */
public interface ClubMembers {

    /** The member number of an active membership, or empty when the member is not in the club. */
    Mono<Long> activeMemberNumber(String memberId, String brandId);

    /** Members the club has ever had (active or not), the base of the k-factor. */
    Mono<Long> memberCount(String brandId);
}
