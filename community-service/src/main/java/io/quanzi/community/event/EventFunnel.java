package io.quanzi.community.event;

/**
 * How one event converted: {@code rsvps} members holding a place (confirmed or waitlisted, walk-ins excluded), of
 * whom and beyond whom {@code checkIns} were checked in (walk-ins included).
 */
public record EventFunnel(String eventId, String title, long rsvps, long checkIns) {}
