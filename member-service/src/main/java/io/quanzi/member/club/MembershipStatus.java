package io.quanzi.member.club;

/** ACTIVE members are in the club; LEFT ones may rejoin; ERASED ones asked to be forgotten. */
enum MembershipStatus {
    ACTIVE,
    LEFT,
    ERASED
}
