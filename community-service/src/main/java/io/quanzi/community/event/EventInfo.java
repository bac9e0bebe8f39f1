package io.quanzi.community.event;

import java.time.Instant;

/** What other features (check-in) read of an event. */
public record EventInfo(
        String id,
        String brandId,
        String storeId,
        String title,
        Instant startsAt,
        Instant endsAt,
        Instant checkInOpensAt,
        Instant checkInClosesAt,
        int capacity,
        String communityId,
        boolean walkInsAllowed,
        int attendPoints,
        boolean cancelled) {

    /** Whether check-in is open at {@code instant} (opening instant included, closing instant excluded). */
    public boolean checkInOpenAt(Instant instant) {
        return !cancelled && !instant.isBefore(checkInOpensAt) && instant.isBefore(checkInClosesAt);
    }
}
