package io.quanzi.community.community;

/** Where a member stands in one community. Only {@link #ACTIVE} counts as a member. */
public enum MembershipStatus {
    PENDING,
    INVITED,
    ACTIVE,
    REJECTED,
    LEFT,
    REMOVED,
    BANNED
}
