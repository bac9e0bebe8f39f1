package io.quanzi.community.event;

/** The caller's place at an event; {@code waitlistPosition} is 1-based and only set while waitlisted. */
record RsvpResponse(String eventId, RsvpState status, Long waitlistPosition) {}
