package io.quanzi.community.checkin;

import io.quanzi.community.event.Events;
import java.time.Instant;

/**
 * The green verdict staff see: "Checked in — Alice W., seat 12 of 50".
 *
 * @param memberName the name the member RSVPed under, or null (an RSVP from before names were kept, a walk-in)
 * @param seat the member's seat number, the order in which the event's seats were taken, or null for a place
 *     confirmed before seats were numbered
 * @param capacity the event's number of seats
 */
record CheckInResponse(
        String status,
        String eventId,
        String eventTitle,
        String memberId,
        String memberName,
        Long seat,
        int capacity,
        Instant checkedInAt,
        boolean walkIn) {

    static CheckInResponse of(CheckIn checkIn, String title) {
        return new CheckInResponse(
                "CHECKED_IN",
                checkIn.eventId(),
                title,
                checkIn.memberId(),
                null,
                null,
                0,
                checkIn.checkedInAt(),
                checkIn.walkIn());
    }

    CheckInResponse withPlace(Events.Place place, int capacity) {
        return new CheckInResponse(
                status, eventId, eventTitle, memberId, place.memberName(), place.seat(), capacity, checkedInAt, walkIn);
    }
}
