package io.quanzi.community.checkin;

import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's attendance at an event: at most one per (eventId, memberId), enforced by a unique index. The document
 * is also the outbox of the effects the check-in has in other services ({@link CheckInDeliveries}), so the check-in and the
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
        List<OutboxEntry> outbox) {

    static final String EVENT_ID = "eventId";
    static final String MEMBER_ID = "memberId";
    static final String BRAND_ID = "brandId";
    static final String CHECKED_IN_AT = "checkedInAt";

    /** The outbox entry of one kind ({@link CheckInDeliveries}), or null. */
    OutboxEntry delivery(String kind) {
        return outbox == null
                ? null
                : outbox.stream()
                        .filter(entry -> entry.kind().equals(kind))
                        .findFirst()
                        .orElse(null);
    }

    OutboxEntry pointsAward() {
        return delivery(CheckInDeliveries.POINTS);
    }

    OutboxEntry factPush() {
        return delivery(CheckInDeliveries.FACT);
    }

    OutboxEntry referralMilestone() {
        return delivery(CheckInDeliveries.MILESTONE);
    }
}
