package io.quanzi.community.event;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The check-ins, as the event feature reads them. Implemented by the check-in feature, so events never depend on
 * it (the dependency points from check-in to events only).
 */
public interface CheckInLog {

    /** Check-ins of a brand's events scanned in {@code [from, to)}, oldest first. */
    Flux<AttendanceRecord> checkIns(String brandId, Instant from, Instant to);

    /** How many members checked in to the event. */
    Mono<Long> count(String eventId);

    /** memberId → check-in time, for one event. */
    Mono<Map<String, Instant>> checkInTimes(String eventId);

    /** eventId → check-in time of one member, for the given events (one query, whatever their number). */
    Mono<Map<String, Instant>> checkInTimesOf(String memberId, Collection<String> eventIds);
}
