package io.quanzi.community.event;

import io.quanzi.community.client.DownstreamFailure;
import io.quanzi.community.client.MemberClient;
import io.quanzi.community.client.StoreInfo;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Brand admins create, change and cancel events at their brand's stores; everyone signed in reads them. */
@Service
class EventCatalog {

    static final Duration MAX_LENGTH = Duration.ofDays(30);
    static final Duration WINDOW_SLACK = Duration.ofHours(12);

    private final ReactiveMongoTemplate mongo;
    private final MemberClient members;
    private final Seats seats;
    private final CommunityGate communities;
    private final Clock clock;

    EventCatalog(
            ReactiveMongoTemplate mongo, MemberClient members, Seats seats, CommunityGate communities, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.seats = seats;
        this.communities = communities;
        this.clock = clock;
    }

    Mono<EventResponse> create(EventRequest request, JwtAuthenticationToken admin) {
        return validTimes(request)
                .then(brandOf(request.storeId(), admin))
                .flatMap(brandId -> restriction(request, brandId).thenReturn(brandId))
                .flatMap(brandId -> {
                    Instant now = clock.instant();
                    Event event = new Event(
                            null,
                            brandId,
                            request.storeId(),
                            request.title().strip(),
                            request.description(),
                            request.startsAt(),
                            request.endsAt(),
                            request.checkInOpensAt(),
                            request.checkInClosesAt(),
                            request.capacity(),
                            request.communityId(),
                            Boolean.TRUE.equals(request.walkInsAllowed()),
                            request.attendPoints() == null ? 0 : request.attendPoints(),
                            Event.Status.SCHEDULED,
                            0,
                            request.capacity(),
                            0,
                            0,
                            admin.getName(),
                            now,
                            now);
                    return mongo.insert(event);
                })
                .map(EventResponse::of);
    }

    /**
     * Changes an event. The capacity may shrink only down to the seats already taken; the change is one update
     * conditional on the capacity and seats read, so concurrent RSVPs never end up over the new capacity.
     */
    Mono<EventResponse> update(String eventId, EventRequest request, JwtAuthenticationToken admin) {
        return validTimes(request)
                .then(managedEvent(eventId, admin))
                .flatMap(event -> brandOf(request.storeId(), admin).flatMap(brandId -> {
                    if (!brandId.equals(event.brandId())) {
                        return Mono.error(new Problem(
                                HttpStatus.UNPROCESSABLE_ENTITY,
                                "store-of-other-brand",
                                "Store '" + request.storeId() + "' is not a store of brand '" + event.brandId()
                                        + "'."));
                    }
                    return restriction(request, brandId).then(Mono.defer(() -> apply(event, request)));
                }))
                .map(EventResponse::of);
    }

    private Mono<Event> apply(Event event, EventRequest request) {
        String eventId = event.id();
        int delta = request.capacity() - event.capacity();
        Criteria criteria = Criteria.where("_id")
                .is(eventId)
                .and(Event.STATUS)
                .is(Event.Status.SCHEDULED.name())
                .and(Event.CAPACITY)
                .is(event.capacity());
        if (delta < 0) {
            criteria = criteria.and(Event.SEATS_LEFT).gte(-delta);
        }
        Update update = new Update()
                .set(Event.STORE_ID, request.storeId())
                .set("title", request.title().strip())
                .set("description", request.description())
                .set(Event.STARTS_AT, request.startsAt())
                .set(Event.ENDS_AT, request.endsAt())
                .set("checkInOpensAt", request.checkInOpensAt())
                .set("checkInClosesAt", request.checkInClosesAt())
                .set("communityId", request.communityId())
                .set("walkInsAllowed", Boolean.TRUE.equals(request.walkInsAllowed()))
                .set("attendPoints", request.attendPoints() == null ? 0 : request.attendPoints())
                .set("updatedAt", clock.instant())
                .inc(Event.CAPACITY, delta)
                .inc(Event.SEATS_LEFT, delta);
        return mongo.findAndModify(
                        Query.query(criteria),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        Event.class)
                .switchIfEmpty(Mono.error(() -> new Problem(
                        HttpStatus.CONFLICT,
                        "capacity-below-seats-taken",
                        "The event changed meanwhile, is cancelled, or has more seats taken than the new capacity of "
                                + request.capacity() + ".")))
                .flatMap(updated -> delta > 0 ? seats.promote(eventId).then(event(eventId)) : Mono.just(updated));
    }

    private Mono<Void> restriction(EventRequest request, String brandId) {
        return request.communityId() == null
                ? Mono.empty()
                : communities.requireCommunityOf(request.communityId(), brandId);
    }

    Mono<EventResponse> cancel(String eventId, JwtAuthenticationToken admin) {
        return managedEvent(eventId, admin)
                .then(mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(eventId)),
                        new Update()
                                .set(Event.STATUS, Event.Status.CANCELLED.name())
                                .set("updatedAt", clock.instant()),
                        FindAndModifyOptions.options().returnNew(true),
                        Event.class))
                .map(EventResponse::of);
    }

    Flux<EventResponse> upcoming(String brandId) {
        Query query = Query.query(Criteria.where(Event.BRAND_ID)
                        .is(brandId)
                        .and(Event.STATUS)
                        .is(Event.Status.SCHEDULED.name())
                        .and(Event.ENDS_AT)
                        .gt(clock.instant()))
                .with(Sort.by(Event.STARTS_AT, "_id"))
                .limit(200);
        return mongo.find(query, Event.class).map(EventResponse::of);
    }

    Mono<Event> event(String eventId) {
        return mongo.findById(eventId, Event.class)
                .switchIfEmpty(Mono.error(
                        () -> Problem.notFound("event-not-found", "There is no event \'" + eventId + "\'.")));
    }

    private Mono<Event> managedEvent(String eventId, JwtAuthenticationToken admin) {
        return event(eventId)
                .flatMap(event -> Caller.of(admin).isBrandAdminOf(event.brandId())
                        ? Mono.just(event)
                        : Mono.error(Problem.notBrandAdminOf(event.brandId())));
    }

    /** The store's brand, which the admin must manage. */
    private Mono<String> brandOf(String storeId, JwtAuthenticationToken admin) {
        return members.store(storeId)
                .onErrorMap(
                        DownstreamFailure.class,
                        failure -> new Problem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "store-unverifiable",
                                "The store cannot be verified right now (member-service is unavailable); try again shortly."))
                .switchIfEmpty(Mono.error(() -> new Problem(
                        HttpStatus.UNPROCESSABLE_ENTITY, "unknown-store", "There is no store '" + storeId + "'.")))
                .map(StoreInfo::brandId)
                .flatMap(brandId -> Caller.of(admin).isBrandAdminOf(brandId)
                        ? Mono.just(brandId)
                        : Mono.error(Problem.notBrandAdminOf(brandId)));
    }

    private Mono<Void> validTimes(EventRequest request) {
        String problem = null;
        if (!request.endsAt().isAfter(request.startsAt())) {
            problem = "endsAt must be after startsAt.";
        } else if (Duration.between(request.startsAt(), request.endsAt()).compareTo(MAX_LENGTH) > 0) {
            problem = "An event lasts at most 30 days.";
        } else if (!request.endsAt().isAfter(clock.instant())) {
            problem = "endsAt must be in the future.";
        } else if (!request.checkInClosesAt().isAfter(request.checkInOpensAt())) {
            problem = "checkInClosesAt must be after checkInOpensAt.";
        } else if (request.checkInOpensAt().isBefore(request.startsAt().minus(WINDOW_SLACK))
                || request.checkInClosesAt().isAfter(request.endsAt().plus(WINDOW_SLACK))) {
            problem = "The check-in window must lie within the event, give or take 12 hours.";
        }
        return problem == null
                ? Mono.empty()
                : Mono.error(new Problem(HttpStatus.BAD_REQUEST, "invalid-event-times", problem));
    }
}
