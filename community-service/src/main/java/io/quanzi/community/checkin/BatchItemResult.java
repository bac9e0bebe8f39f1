package io.quanzi.community.checkin;

import java.time.Instant;

/**
 * What became of one offline scan: CHECKED_IN (with the member's name, seat and the event's capacity, as an online
 * scan answers them), ALREADY_CHECKED_IN (with the time of the first check-in) or REFUSED with the same reason slug
 * an online scan's problem type carries.
 */
record BatchItemResult(
        int index,
        String status,
        String reason,
        String detail,
        String eventId,
        String memberId,
        String memberName,
        Long seat,
        Integer capacity,
        Instant checkedInAt) {

    static BatchItemResult checkedIn(int index, CheckInResponse done) {
        return new BatchItemResult(
                index,
                "CHECKED_IN",
                null,
                null,
                done.eventId(),
                done.memberId(),
                done.memberName(),
                done.seat(),
                done.capacity(),
                done.checkedInAt());
    }

    static BatchItemResult of(int index, CheckInRefused refused) {
        if (refused.reason() == CheckInRefused.Reason.ALREADY_CHECKED_IN) {
            var body = refused.getBody().getProperties();
            return new BatchItemResult(
                    index,
                    "ALREADY_CHECKED_IN",
                    refused.reason().slug,
                    refused.detail(),
                    (String) body.get("eventId"),
                    (String) body.get("memberId"),
                    null,
                    null,
                    null,
                    (Instant) body.get("checkedInAt"));
        }
        return new BatchItemResult(
                index, "REFUSED", refused.reason().slug, refused.detail(), null, null, null, null, null, null);
    }
}
