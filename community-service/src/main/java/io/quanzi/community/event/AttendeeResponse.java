package io.quanzi.community.event;

import java.time.Instant;

/**
 * One member holding a place at an event, as the store's staff and the brand's admins see it.
 *
 * @param memberName the name the member RSVPed under, or null (older RSVPs, walk-ins): show a short member id then
 * @param seat the seat number of a confirmed place (order of confirmation), or null
 * @param checkedInAt when the member was checked in (the original scan time for offline scans), or null
 */
record AttendeeResponse(
        String memberId,
        String memberName,
        RsvpState status,
        Long seat,
        Long waitlistPosition,
        boolean walkIn,
        Instant checkedInAt) {}
