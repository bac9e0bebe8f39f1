package io.quanzi.community.checkin;

import java.time.Instant;

/** The green verdict staff see. */
record CheckInResponse(
        String status, String eventId, String eventTitle, String memberId, Instant checkedInAt, boolean walkIn) {

    static CheckInResponse of(CheckIn checkIn, String title) {
        return new CheckInResponse(
                "CHECKED_IN", checkIn.eventId(), title, checkIn.memberId(), checkIn.checkedInAt(), checkIn.walkIn());
    }
}
