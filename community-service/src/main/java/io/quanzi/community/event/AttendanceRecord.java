package io.quanzi.community.event;

import java.time.Instant;

/**
 * One member's attendance at one event.
 *
 * @param communityId the community the event was restricted to, or null for an open event
 * @param checkedInAt when staff scanned the member's code (the original scan time for offline scans)
 */
public record AttendanceRecord(String memberId, String eventId, String communityId, Instant checkedInAt) {}
