package io.quanzi.community.event;

/** Where a member stands for an event. */
public enum RsvpState {
    CONFIRMED,
    WAITLISTED,
    CANCELLED,
    NONE
}
