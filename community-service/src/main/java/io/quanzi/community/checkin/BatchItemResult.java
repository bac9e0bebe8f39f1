package io.quanzi.community.checkin;

import java.time.Instant;

/**
 * What became of one offline scan: CHECKED_IN, ALREADY_CHECKED_IN (with the time of the first check-in) or REFUSED
 * with the same reason slug an online scan's problem type carries.
 */
record BatchItemResult(
        int index, String status, String reason, String detail, String eventId, String memberId, Instant checkedInAt) {

    static BatchItemResult checkedIn(int index, CheckInResponse done) {
        return new BatchItemResult(
                index, "CHECKED_IN", null, null, done.eventId(), done.memberId(), done.checkedInAt());
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
                    (Instant) body.get("checkedInAt"));
        }
        return new BatchItemResult(index, "REFUSED", refused.reason().slug, refused.detail(), null, null, null);
    }
}
