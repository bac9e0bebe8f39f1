package io.quanzi.community.community;

/**
 * What one caller may do in one community, decided from the community, the caller's membership
 * and the caller's token. Other features (posts, shares, events) ask this instead of re-deriving it.
 */
public record CommunityAccess(
        String communityId,
        String brandId,
        String communityName,
        CommunityKind kind,
        JoinPolicy joinPolicy,
        String memberId,
        MembershipStatus status,
        CommunityRole role,
        boolean brandAdmin,
        boolean platformMember) {

    public boolean activeMember() {
        return status == MembershipStatus.ACTIVE;
    }

    /** Leaders, moderators and the brand's admins admit members and moderate content. */
    public boolean canModerate() {
        return brandAdmin || (activeMember() && (role == CommunityRole.LEADER || role == CommunityRole.MODERATOR));
    }

    /** Leaders and the brand's admins invite members into any community, the core group included. */
    public boolean canInvite() {
        return brandAdmin || (activeMember() && role == CommunityRole.LEADER);
    }

    /**
     * Members of a community read its posts; an OPEN community's posts are readable by every
     * member of the platform (a showcase that invites joining) except those banned from it;
     * admins of the brand read all.
     */
    public boolean canRead() {
        return brandAdmin
                || activeMember()
                || (platformMember && joinPolicy == JoinPolicy.OPEN && status != MembershipStatus.BANNED);
    }

    /** Only active members post, comment, like and share. */
    public boolean canParticipate() {
        return activeMember();
    }
}
