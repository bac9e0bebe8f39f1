package io.quanzi.member.club;

import java.time.Instant;
import java.util.List;

/** A page of a brand's members for its admins; pass {@code nextCursor} as {@code after} for the next. */
record MemberListResponse(List<Item> items, String nextCursor) {

    record Item(
            String memberId,
            long memberNumber,
            String displayName,
            MembershipStatus status,
            JoinSource source,
            String storeId,
            Instant joinedAt) {}
}
