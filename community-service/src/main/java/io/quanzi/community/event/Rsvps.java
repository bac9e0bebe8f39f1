package io.quanzi.community.event;

import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * RSVPs: a seat while there is one, else the waitlist, promoted in order when a seat frees up. Every RSVP document
 * exists before its state changes (created CANCELLED if new), so all changes are conditional flips that exactly one
 * concurrent request can win.
 */
@Service
class Rsvps {

    private static final int WALK_IN_ATTEMPTS = 5;
    private static final Duration SEAT_RECHECK = Duration.ofMillis(20);

    private final ReactiveMongoTemplate mongo;
    private final Seats seats;
    private final EventCatalog catalog;
    private final CommunityGate communities;
    private final CheckInLog checkIns;
    private final Clock clock;

    Rsvps(
            ReactiveMongoTemplate mongo,
            Seats seats,
            EventCatalog catalog,
            CommunityGate communities,
            CheckInLog checkIns,
            Clock clock) {
        this.mongo = mongo;
        this.seats = seats;
        this.catalog = catalog;
        this.communities = communities;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    /** RSVPs the member; {@code memberName} (from their token, may be null) is kept with the place for staff. */
    Mono<RsvpResponse> rsvp(String eventId, String memberId, String memberName) {
        return catalog.event(eventId)
                .flatMap(event -> {
                    if (event.status() == Event.Status.CANCELLED) {
                        return Mono.error(
                                new Problem(HttpStatus.CONFLICT, "event-cancelled", "The event has been cancelled."));
                    }
                    if (!event.endsAt().isAfter(clock.instant())) {
                        return Mono.error(new Problem(HttpStatus.CONFLICT, "event-over", "The event is already over."));
                    }
                    Mono<Void> allowed = event.communityId() == null
                            ? Mono.empty()
                            : communities.requireMember(event.communityId(), memberId);
                    return allowed.then(ensureDocument(event, memberId, false, memberName))
                            .then(place(eventId, memberId, 3));
                })
                .then(response(eventId, memberId));
    }

    /** Seats the member, or puts them on the waitlist; a member who already holds a place keeps it. */
    private Mono<Void> place(String eventId, String memberId, int attempts) {
        return current(eventId, memberId).flatMap(rsvp -> {
            if (rsvp.status() != RsvpState.CANCELLED || attempts == 0) {
                return Mono.empty();
            }
            return waitlistExists(eventId)
                    .flatMap(queued -> queued
                            ? Mono.just(Seats.Outcome.NO_SEAT)
                            : seats.confirm(eventId, memberId, RsvpState.CANCELLED, false))
                    .flatMap(outcome -> switch (outcome) {
                        case CONFIRMED -> Mono.<Void>empty();
                        case STATE_CHANGED -> place(eventId, memberId, attempts - 1);
                        case NO_SEAT ->
                            seats.waitlist(eventId, memberId, RsvpState.CANCELLED)
                                    .then(seats.promote(eventId));
                    });
        });
    }

    Mono<Void> cancel(String eventId, String memberId) {
        return catalog.event(eventId)
                .then(mongo.findAndModify(
                        Query.query(Criteria.where(Rsvp.EVENT_ID)
                                .is(eventId)
                                .and(Rsvp.MEMBER_ID)
                                .is(memberId)
                                .and(Rsvp.STATUS)
                                .in(RsvpState.CONFIRMED.name(), RsvpState.WAITLISTED.name())),
                        new Update()
                                .set(Rsvp.STATUS, RsvpState.CANCELLED.name())
                                .unset(Rsvp.WAITLIST_SEQ)
                                .unset(Rsvp.SEAT)
                                .set(Rsvp.UPDATED_AT, clock.instant()),
                        Rsvp.class))
                .flatMap(previous -> previous.status() == RsvpState.CONFIRMED
                        ? seats.release(eventId).then(seats.promote(eventId))
                        : Mono.empty());
    }

    /** A walk-in takes a seat at the door (a waitlisted member too); false when the event is full. */
    Mono<Boolean> admitWalkIn(Event event, String memberId) {
        return ensureDocument(event, memberId, true, null).then(admit(event.id(), memberId, WALK_IN_ATTEMPTS));
    }

    /**
     * Takes a seat, then flips the RSVP. Several scans of the same member at once each hold a seat for a moment before
     * all but one lose the flip and give it back, so a "no seat" may only mean that duplicates hold them: it is
     * re-read after a short pause, and the member found confirmed by then is admitted (one check-in follows, the other
     * scans answer "already checked in"). Only a seat that stays missing is "full".
     */
    private Mono<Boolean> admit(String eventId, String memberId, int attempts) {
        return current(eventId, memberId).flatMap(rsvp -> {
            if (rsvp.status() == RsvpState.CONFIRMED) {
                return Mono.just(true);
            }
            if (attempts == 0) {
                return Mono.just(false);
            }
            return seats.confirm(eventId, memberId, rsvp.status(), true).flatMap(outcome -> switch (outcome) {
                case CONFIRMED -> Mono.just(true);
                case NO_SEAT -> Mono.delay(SEAT_RECHECK).then(admit(eventId, memberId, attempts - 1));
                case STATE_CHANGED -> admit(eventId, memberId, attempts - 1);
            });
        });
    }

    Mono<RsvpState> state(String eventId, String memberId) {
        return current(eventId, memberId).map(Rsvp::status).defaultIfEmpty(RsvpState.NONE);
    }

    /** The member's place with the name they RSVPed under and their seat number (NONE when there is no RSVP). */
    Mono<Events.Place> place(String eventId, String memberId) {
        return current(eventId, memberId)
                .map(rsvp -> new Events.Place(rsvp.status(), rsvp.memberName(), rsvp.seat()))
                .defaultIfEmpty(new Events.Place(RsvpState.NONE, null, null));
    }

    Flux<MyEventResponse> mine(String memberId) {
        Query query = Query.query(Criteria.where(Rsvp.MEMBER_ID)
                        .is(memberId)
                        .and(Rsvp.STATUS)
                        .in(RsvpState.CONFIRMED.name(), RsvpState.WAITLISTED.name()))
                .limit(500);
        // Three queries for the whole list (RSVPs, their events, the member's check-ins), plus one count per
        // waitlisted place: never one round of queries per event.
        return mongo.find(query, Rsvp.class)
                .collectList()
                .flatMapMany(rsvps -> {
                    List<String> eventIds = rsvps.stream().map(Rsvp::eventId).toList();
                    Mono<Map<String, Event>> events = mongo.find(
                                    Query.query(Criteria.where("_id").in(eventIds)), Event.class)
                            .collectMap(Event::id);
                    return Mono.zip(events, checkIns.checkInTimesOf(memberId, eventIds))
                            .flatMapMany(found -> Flux.fromIterable(rsvps)
                                    .filter(rsvp -> found.getT1().containsKey(rsvp.eventId()))
                                    .concatMap(rsvp -> position(rsvp)
                                            .map(position -> new MyEventResponse(
                                                    EventResponse.of(
                                                            found.getT1().get(rsvp.eventId())),
                                                    rsvp.status(),
                                                    position == 0 ? null : position,
                                                    found.getT2().get(rsvp.eventId())))));
                })
                .sort(Comparator.comparing(mine -> mine.event().startsAt()));
    }

    /**
     * The event's confirmed and waitlisted members, confirmed first, then the waitlist in order. With {@code search},
     * only those whose name contains it (ignoring case) or whose member id equals it, at most {@code limit}: a
     * phone searching a large event gets a few rows, not the whole list.
     */
    Flux<AttendeeResponse> attendees(String eventId, String search, int limit, JwtAuthenticationToken caller) {
        return catalog.event(eventId).flatMapMany(event -> {
            Caller who = Caller.of(caller);
            if (!who.isStaffOf(event.storeId()) && !who.isBrandAdminOf(event.brandId())) {
                return Flux.error(new Problem(
                        HttpStatus.FORBIDDEN,
                        "not-your-event",
                        "Only staff of the event's store and admins of its brand see its attendees."));
            }
            Query query = Query.query(Criteria.where(Rsvp.EVENT_ID)
                            .is(eventId)
                            .and(Rsvp.STATUS)
                            .in(RsvpState.CONFIRMED.name(), RsvpState.WAITLISTED.name()))
                    .with(Sort.by(Rsvp.WAITLIST_SEQ, Rsvp.UPDATED_AT));
            return Mono.zip(mongo.find(query, Rsvp.class).collectList(), checkIns.checkInTimes(eventId))
                    .flatMapMany(found -> {
                        List<AttendeeResponse> all = attendees(found.getT1(), found.getT2());
                        if (search == null || search.isBlank()) {
                            return Flux.fromIterable(all);
                        }
                        String needle = search.strip().toLowerCase(Locale.ROOT);
                        return Flux.fromIterable(all)
                                .filter(attendee -> attendee.memberId().equals(search.strip())
                                        || (attendee.memberName() != null
                                                && attendee.memberName()
                                                        .toLowerCase(Locale.ROOT)
                                                        .contains(needle)))
                                .take(limit);
                    });
        });
    }

    private static List<AttendeeResponse> attendees(List<Rsvp> rsvps, Map<String, Instant> checkedIn) {
        long[] position = {0};
        return rsvps.stream()
                .sorted(Comparator.comparing((Rsvp rsvp) -> rsvp.status() == RsvpState.WAITLISTED)
                        .thenComparing(rsvp -> rsvp.waitlistSeq() == null ? 0 : rsvp.waitlistSeq()))
                .map(rsvp -> new AttendeeResponse(
                        rsvp.memberId(),
                        rsvp.memberName(),
                        rsvp.status(),
                        rsvp.status() == RsvpState.CONFIRMED ? rsvp.seat() : null,
                        rsvp.status() == RsvpState.WAITLISTED ? ++position[0] : null,
                        rsvp.walkIn(),
                        checkedIn.get(rsvp.memberId())))
                .toList();
    }

    private Mono<RsvpResponse> response(String eventId, String memberId) {
        return current(eventId, memberId)
                .flatMap(rsvp -> position(rsvp)
                        .map(position -> new RsvpResponse(eventId, rsvp.status(), position == 0 ? null : position)))
                .defaultIfEmpty(new RsvpResponse(eventId, RsvpState.NONE, null));
    }

    /** 1-based place on the waitlist, or 0 for anyone not waitlisted. */
    private Mono<Long> position(Rsvp rsvp) {
        if (rsvp.status() != RsvpState.WAITLISTED || rsvp.waitlistSeq() == null) {
            return Mono.just(0L);
        }
        return mongo.count(
                Query.query(Criteria.where(Rsvp.EVENT_ID)
                        .is(rsvp.eventId())
                        .and(Rsvp.STATUS)
                        .is(RsvpState.WAITLISTED.name())
                        .and(Rsvp.WAITLIST_SEQ)
                        .lte(rsvp.waitlistSeq())),
                Rsvp.class);
    }

    private Mono<Boolean> waitlistExists(String eventId) {
        return mongo.exists(
                Query.query(Criteria.where(Rsvp.EVENT_ID)
                        .is(eventId)
                        .and(Rsvp.STATUS)
                        .is(RsvpState.WAITLISTED.name())),
                Rsvp.class);
    }

    private Mono<Rsvp> current(String eventId, String memberId) {
        return mongo.findOne(
                Query.query(Criteria.where(Rsvp.EVENT_ID)
                        .is(eventId)
                        .and(Rsvp.MEMBER_ID)
                        .is(memberId)),
                Rsvp.class);
    }

    /**
     * Creates the member's RSVP document (CANCELLED: holding nothing yet) unless it exists; a name given replaces
     * the one kept (the member's latest RSVP names them).
     */
    private Mono<Void> ensureDocument(Event event, String memberId, boolean walkIn, String memberName) {
        Instant now = clock.instant();
        Update update = new Update()
                .setOnInsert(Rsvp.STATUS, RsvpState.CANCELLED.name())
                .setOnInsert("brandId", event.brandId())
                .setOnInsert(Rsvp.WALK_IN, walkIn)
                .setOnInsert("createdAt", now)
                .setOnInsert(Rsvp.UPDATED_AT, now);
        if (memberName != null) {
            update.set(Rsvp.MEMBER_NAME, memberName);
        }
        return mongo.upsert(
                        Query.query(Criteria.where(Rsvp.EVENT_ID)
                                .is(event.id())
                                .and(Rsvp.MEMBER_ID)
                                .is(memberId)),
                        update,
                        Rsvp.class)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then();
    }
}
