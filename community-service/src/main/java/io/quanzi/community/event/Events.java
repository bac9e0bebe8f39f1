package io.quanzi.community.event;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the check-in feature asks of events: the event, the member's place, and seats for walk-ins. */
@Component
public class Events {

    private final EventCatalog catalog;
    private final Rsvps rsvps;
    private final CommunityGate communities;

    Events(EventCatalog catalog, Rsvps rsvps, CommunityGate communities) {
        this.catalog = catalog;
        this.rsvps = rsvps;
        this.communities = communities;
    }

    /**
     * Whether the member may take a walk-in seat: anyone, unless the event is restricted to a community, whose
     * active members only may (the same rule as for an RSVP).
     */
    public Mono<Boolean> mayWalkIn(EventInfo event, String memberId) {
        return communities.admits(event.communityId(), memberId);
    }

    /** The event, or an error answering 404 when there is none. */
    public Mono<EventInfo> find(String eventId) {
        return catalog.event(eventId).map(Event::info);
    }

    public Mono<RsvpState> rsvpState(String eventId, String memberId) {
        return rsvps.state(eventId, memberId);
    }

    /**
     * A member's place at an event as the check-in verdict shows it.
     *
     * @param memberName the name they RSVPed under, or null
     * @param seat their seat number while confirmed (the order seats were taken in), or null
     */
    public record Place(RsvpState state, String memberName, Long seat) {}

    public Mono<Place> place(String eventId, String memberId) {
        return rsvps.place(eventId, memberId);
    }

    /**
     * Seats a walk-in (or a waitlisted member at the door) if a seat is left; true if the member now holds a
     * confirmed seat, false if the event is full.
     */
    public Mono<Boolean> admitWalkIn(String eventId, String memberId) {
        return catalog.event(eventId).flatMap(event -> rsvps.admitWalkIn(event, memberId));
    }
}
