package io.quanzi.community.checkin;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's attendance at an event: at most one per (eventId, memberId), enforced by a unique index. The document
 * is also the outbox of the effects the check-in has in other services ({@link Delivery}), so the check-in and the
 * promise to tell the others are written in one atomic insert.
 *
 * @param checkedInAt when staff scanned the code (for offline scans, the original scan time)
 * @param recordedAt when the server recorded it
 */
@Document("checkins")
record CheckIn(
        @Id String id,
        String eventId,
        String memberId,
        String brandId,
        String storeId,
        String communityId,
        String staffId,
        String deviceId,
        String tokenId,
        boolean walkIn,
        boolean offline,
        int attendPoints,
        Instant checkedInAt,
        Instant recordedAt,
        Delivery pointsAward,
        Delivery factPush,
        Delivery referralMilestone) {

    static final String EVENT_ID = "eventId";
    static final String MEMBER_ID = "memberId";
    static final String BRAND_ID = "brandId";
    static final String CHECKED_IN_AT = "checkedInAt";

    String pointsKey() {
        return "checkin:" + eventId + ":" + memberId;
    }

    String milestoneKey() {
        return "first-checkin:" + brandId + ":" + memberId;
    }

    String attendedFact() {
        return "attended-event:" + eventId;
    }
}
