package io.quanzi.community.community;

/** A member's role inside one community. */
public enum CommunityRole {
    /** Opinion leader (KOL): admits, invites, moderates. */
    LEADER,
    /** Admits and moderates. */
    MODERATOR,
    MEMBER
}
