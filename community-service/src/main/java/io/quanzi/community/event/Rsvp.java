package io.quanzi.community.event;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's place at an event: one document per (eventId, memberId), unique. {@code waitlistSeq} orders the
 * waitlist; {@code walkIn} marks a seat given at the door rather than booked.
 *
 * @param memberName the member's display name from their token when they last RSVPed ({@code DisplayNames}); null
 *     for RSVPs made before names were kept and for walk-ins seated by staff
 * @param seat the seat number while CONFIRMED: the event's n-th seat taken ({@link Seats#take}); null otherwise and
 *     for places confirmed before seats were numbered
 */
@Document("event_rsvps")
record Rsvp(
        @Id String id,
        String eventId,
        String memberId,
        String brandId,
        RsvpState status,
        Long waitlistSeq,
        boolean walkIn,
        Instant createdAt,
        Instant updatedAt,
        String memberName,
        Long seat) {

    static final String EVENT_ID = "eventId";
    static final String MEMBER_ID = "memberId";
    static final String STATUS = "status";
    static final String WAITLIST_SEQ = "waitlistSeq";
    static final String WALK_IN = "walkIn";
    static final String UPDATED_AT = "updatedAt";
    static final String MEMBER_NAME = "memberName";
    static final String SEAT = "seat";
}
