package io.quanzi.community.event;

import java.time.Instant;

/** One of the caller's events with their place and, once scanned, their check-in time. */
record MyEventResponse(EventResponse event, RsvpState rsvp, Long waitlistPosition, Instant checkedInAt) {}
