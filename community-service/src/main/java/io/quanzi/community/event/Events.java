package io.quanzi.community.event;

import io.quanzi.community.community.CommunityMemberships;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the check-in feature asks of events: the event, the member's place, and seats for walk-ins. */
@Component
public class Events {

    private final EventCatalog catalog;
    private final Rsvps rsvps;
    private final CommunityMemberships memberships;

    Events(EventCatalog catalog, Rsvps rsvps, CommunityMemberships memberships) {
        this.catalog = catalog;
        this.rsvps = rsvps;
        this.memberships = memberships;
    }

    /**
     * Whether the member may take a walk-in seat: anyone, unless the event is restricted to a community, whose
     * active members only may (the same rule as for an RSVP).
     */
    public Mono<Boolean> mayWalkIn(EventInfo event, String memberId) {
        return event.communityId() == null
                ? Mono.just(true)
                : memberships.isActiveMember(event.communityId(), memberId);
    }

    /** The event, or an error answering 404 when there is none. */
    public Mono<EventInfo> find(String eventId) {
        return catalog.event(eventId).map(Event::info);
    }

    public Mono<RsvpState> rsvpState(String eventId, String memberId) {
        return rsvps.state(eventId, memberId);
    }

    /**
     * Seats a walk-in (or a waitlisted member at the door) if a seat is left; true if the member now holds a
     * confirmed seat, false if the event is full.
     */
    public Mono<Boolean> admitWalkIn(String eventId, String memberId) {
        return catalog.event(eventId).flatMap(event -> rsvps.admitWalkIn(event, memberId));
    }
}
