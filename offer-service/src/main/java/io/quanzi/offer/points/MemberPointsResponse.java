package io.quanzi.offer.points;

/** {@code GET /internal/points/members/{memberId}}: what other services show of a member's wallet. */
record MemberPointsResponse(String memberId, String brandId, long balance, String tier) {}
