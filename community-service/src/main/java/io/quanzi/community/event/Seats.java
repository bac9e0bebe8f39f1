package io.quanzi.community.event;

import java.time.Clock;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Seats and RSVP state changes, each a single-document atomic update (no transactions). A member becomes CONFIRMED
 * only by first taking a seat ({@code seatsLeft > 0} → {@code $inc}) and then flipping their RSVP from the state it
 * was read in; if the flip loses a race the seat is given back. So the seats taken never pass the capacity and one
 * member never holds two seats.
 */
@Component
class Seats {

    enum Outcome {
        CONFIRMED,
        NO_SEAT,
        STATE_CHANGED
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    Seats(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Takes a seat if one is left and numbers it: the seat number is the event's {@code seatSeq} after the same
     * atomic update, so seats are numbered in the order they were taken (1, 2, 3 …). Numbers are never handed out
     * twice; a place given back (a cancellation, a lost race) leaves its number unused, so after cancellations a
     * number can be above the capacity. Empty when no seat is left.
     */
    Mono<Long> take(String eventId) {
        Query query = Query.query(Criteria.where("_id")
                .is(eventId)
                .and(Event.STATUS)
                .is(Event.Status.SCHEDULED.name())
                .and(Event.SEATS_LEFT)
                .gt(0));
        Update update = new Update()
                .inc(Event.SEATS_LEFT, -1)
                .inc(Event.CONFIRMED_COUNT, 1)
                .inc(Event.SEAT_SEQ, 1);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Event.class)
                .map(Event::seatSeq);
    }

    Mono<Void> release(String eventId) {
        Query query = Query.query(
                Criteria.where("_id").is(eventId).and(Event.CONFIRMED_COUNT).gt(0));
        Update update = new Update().inc(Event.SEATS_LEFT, 1).inc(Event.CONFIRMED_COUNT, -1);
        return mongo.updateFirst(query, update, Event.class).then();
    }

    /** Takes a seat and flips the member's RSVP from {@code from} to CONFIRMED, or gives the seat back. */
    Mono<Outcome> confirm(String eventId, String memberId, RsvpState from, boolean walkIn) {
        return take(eventId)
                .flatMap(seat -> {
                    Update update = new Update()
                            .set(Rsvp.STATUS, RsvpState.CONFIRMED.name())
                            .unset(Rsvp.WAITLIST_SEQ)
                            .set(Rsvp.WALK_IN, walkIn)
                            .set(Rsvp.SEAT, seat)
                            .set(Rsvp.UPDATED_AT, clock.instant());
                    return mongo.updateFirst(rsvp(eventId, memberId, from), update, Rsvp.class)
                            .flatMap(result -> result.getModifiedCount() == 1
                                    ? Mono.just(Outcome.CONFIRMED)
                                    : release(eventId).thenReturn(Outcome.STATE_CHANGED));
                })
                .defaultIfEmpty(Outcome.NO_SEAT);
    }

    /** Puts the member at the end of the waitlist, if their RSVP is still {@code from}. */
    Mono<Boolean> waitlist(String eventId, String memberId, RsvpState from) {
        return mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(eventId)),
                        new Update().inc(Event.WAITLIST_SEQ, 1),
                        FindAndModifyOptions.options().returnNew(true),
                        Event.class)
                .flatMap(event -> mongo.updateFirst(
                        rsvp(eventId, memberId, from),
                        new Update()
                                .set(Rsvp.STATUS, RsvpState.WAITLISTED.name())
                                .set(Rsvp.WAITLIST_SEQ, event.waitlistSeq())
                                .set(Rsvp.UPDATED_AT, clock.instant()),
                        Rsvp.class))
                .map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Gives free seats to the waitlist, oldest first, until the seats or the waitlist run out. Safe to run
     * concurrently: each promotion is a conditional flip of one waitlisted RSVP while taking a seat.
     */
    Mono<Void> promote(String eventId) {
        return promote(eventId, 1000);
    }

    private Mono<Void> promote(String eventId, int budget) {
        if (budget == 0) {
            return Mono.empty();
        }
        Query oldest = Query.query(Criteria.where(Rsvp.EVENT_ID)
                        .is(eventId)
                        .and(Rsvp.STATUS)
                        .is(RsvpState.WAITLISTED.name()))
                .with(org.springframework.data.domain.Sort.by(Rsvp.WAITLIST_SEQ))
                .limit(1);
        return mongo.findOne(oldest, Rsvp.class)
                .flatMap(next -> confirm(eventId, next.memberId(), RsvpState.WAITLISTED, false))
                .flatMap(outcome -> outcome == Outcome.NO_SEAT ? Mono.empty() : promote(eventId, budget - 1));
    }

    static Query rsvp(String eventId, String memberId, RsvpState status) {
        return Query.query(Criteria.where(Rsvp.EVENT_ID)
                .is(eventId)
                .and(Rsvp.MEMBER_ID)
                .is(memberId)
                .and(Rsvp.STATUS)
                .is(status.name()));
    }
}
