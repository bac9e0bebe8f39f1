package io.quanzi.community.community;

/** One kind of entry in the activity log that engagement analytics reads. */
public enum ActivityKind {
    JOINED,
    LEFT,
    POSTED,
    COMMENTED,
    LIKED,
    SHARED,
    VISITED;

    /** Whether this activity makes a member count as active (joining or leaving alone does not). */
    public boolean interaction() {
        return this == POSTED || this == COMMENTED || this == LIKED || this == SHARED;
    }
}
