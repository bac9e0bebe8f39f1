package io.quanzi.community.event;

import java.time.Instant;

/** One member holding a place at an event, as the store's staff and the brand's admins see it. */
record AttendeeResponse(
        String memberId, RsvpState status, Long waitlistPosition, boolean walkIn, Instant checkedInAt) {}
