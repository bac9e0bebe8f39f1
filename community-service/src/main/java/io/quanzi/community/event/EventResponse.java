package io.quanzi.community.event;

import java.time.Instant;

/** An event as anyone signed in sees it. */
record EventResponse(
        String id,
        String brandId,
        String storeId,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        Instant checkInOpensAt,
        Instant checkInClosesAt,
        int capacity,
        int seatsTaken,
        String communityId,
        boolean walkInsAllowed,
        int attendPoints,
        String status) {

    static EventResponse of(Event event) {
        return new EventResponse(
                event.id(),
                event.brandId(),
                event.storeId(),
                event.title(),
                event.description(),
                event.startsAt(),
                event.endsAt(),
                event.checkInOpensAt(),
                event.checkInClosesAt(),
                event.capacity(),
                event.confirmedCount(),
                event.communityId(),
                event.walkInsAllowed(),
                event.attendPoints(),
                event.status().name());
    }
}
