package io.quanzi.community.event;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An offline event at one store of a brand. {@code confirmedCount} is the number of seats taken (confirmed RSVPs and
 * admitted walk-ins) and {@code seatsLeft} = {@code capacity - confirmedCount}; both change together by one
 * {@code $inc} conditional on {@code seatsLeft > 0}, so the seats taken never pass the capacity.
 * {@code waitlistSeq} hands out waitlist positions atomically, and {@code seatSeq} seat numbers: it goes up by one in
 * the same update that takes a seat, so the n-th seat taken is seat n (see {@link Seats}).
 */
@Document("events")
record Event(
        @Id String id,
        String brandId,
        String storeId,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        Instant checkInOpensAt,
        Instant checkInClosesAt,
        int capacity,
        String communityId,
        boolean walkInsAllowed,
        int attendPoints,
        Status status,
        int confirmedCount,
        int seatsLeft,
        long waitlistSeq,
        long seatSeq,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static final String BRAND_ID = "brandId";
    static final String STORE_ID = "storeId";
    static final String STARTS_AT = "startsAt";
    static final String ENDS_AT = "endsAt";
    static final String STATUS = "status";
    static final String CAPACITY = "capacity";
    static final String CONFIRMED_COUNT = "confirmedCount";
    static final String SEATS_LEFT = "seatsLeft";
    static final String WAITLIST_SEQ = "waitlistSeq";
    static final String SEAT_SEQ = "seatSeq";

    enum Status {
        SCHEDULED,
        CANCELLED
    }

    EventInfo info() {
        return new EventInfo(
                id,
                brandId,
                storeId,
                title,
                startsAt,
                endsAt,
                checkInOpensAt,
                checkInClosesAt,
                capacity,
                communityId,
                walkInsAllowed,
                attendPoints,
                status == Status.CANCELLED);
    }
}
