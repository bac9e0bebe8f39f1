package io.quanzi.community.community;

/** How a member gets in. */
public enum JoinPolicy {
    /** Joining is immediate. */
    OPEN,
    /** A join request waits for a leader, moderator or brand admin. */
    APPROVAL_REQUIRED,
    /** Only an invitation that the member accepts lets them in. */
    INVITE_ONLY
}
