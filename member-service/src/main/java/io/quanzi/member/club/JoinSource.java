package io.quanzi.member.club;

/** How a member came to join a brand's club. */
enum JoinSource {
    ORGANIC,
    REFERRAL,
    IN_STORE_QR,
    EVENT
}
