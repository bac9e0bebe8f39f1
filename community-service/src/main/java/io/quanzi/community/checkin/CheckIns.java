package io.quanzi.community.checkin;

import io.quanzi.community.checkin.CheckInRefused.Reason;
import io.quanzi.community.event.EventInfo;
import io.quanzi.community.event.Events;
import io.quanzi.community.event.RsvpState;
import io.quanzi.platform.outbox.OutboxRelay;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff scans: verify the member's token, then record the check-in exactly once per member and event (unique
 * index). The check-in document carries the outbox of its effects elsewhere (points, facts, referral milestone),
 * handed to the relay right after the insert; nothing here waits for another service.
 */
@Service
class CheckIns {

    private final CheckInTokens tokens;
    private final Events events;
    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final FirstCheckIns firsts;
    private final CheckInProperties properties;
    private final ScanAdmission admission;
    private final Clock clock;

    CheckIns(
            CheckInTokens tokens,
            Events events,
            ReactiveMongoTemplate mongo,
            OutboxRelay relay,
            FirstCheckIns firsts,
            CheckInProperties properties,
            ScanAdmission admission,
            Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.mongo = mongo;
        this.relay = relay;
        this.firsts = firsts;
        this.properties = properties;
        this.admission = admission;
        this.clock = clock;
    }

    /** A member asks for a fresh code to show: they need a confirmed place, or the event takes walk-ins. */
    Mono<CheckInTokenResponse> token(String eventId, String memberId) {
        return events.find(eventId).zipWith(events.rsvpState(eventId, memberId)).flatMap(found -> {
            EventInfo event = found.getT1();
            if (event.cancelled() || !event.endsAt().isAfter(clock.instant())) {
                return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "The event is cancelled or over."));
            }
            if (found.getT2() == RsvpState.CONFIRMED) {
                return issue(eventId, memberId);
            }
            if (!event.walkInsAllowed()) {
                return Mono.error(new CheckInRefused(
                        Reason.NOT_REGISTERED,
                        "You need a confirmed place to check in to this event, and it takes no walk-ins."));
            }
            return events.mayWalkIn(event, memberId)
                    .flatMap(allowed -> allowed ? issue(eventId, memberId) : Mono.error(communityOnly()));
        });
    }

    private Mono<CheckInTokenResponse> issue(String eventId, String memberId) {
        long refreshIn = Math.max(5, properties.tokenTtl().toSeconds() * 2 / 3);
        return tokens.issue(eventId, memberId)
                .map(issued -> new CheckInTokenResponse(issued.token(), issued.expiresAt(), refreshIn));
    }

    private static CheckInRefused communityOnly() {
        return new CheckInRefused(
                Reason.NOT_REGISTERED,
                "This event is for the members of its community: walk-ins from outside it are not admitted.");
    }

    /** An online scan, judged at the server's time; a few at once in a rush ({@link ScanAdmission}). */
    Mono<CheckInResponse> scan(CheckInRequest request, JwtAuthenticationToken staff) {
        return admission.admit(Mono.defer(() -> scanNow(request, staff)));
    }

    private Mono<CheckInResponse> scanNow(CheckInRequest request, JwtAuthenticationToken staff) {
        Instant now = clock.instant();
        return tokens.verify(request.token()).flatMap(token -> {
            if (request.eventId() != null && !request.eventId().equals(token.eventId())) {
                return Mono.error(new CheckInRefused(
                        Reason.OTHER_EVENT, "This code is for another event, not for the one being scanned."));
            }
            if (now.isAfter(token.expiresAt().plus(properties.clockSkew()))) {
                return Mono.error(expired(token));
            }
            return record(token, now, staff, request.deviceId(), false);
        });
    }

    /** Scans queued offline, judged at their original scan time; one result per item, in order. */
    Mono<BatchResponse> batch(BatchRequest request, JwtAuthenticationToken staff) {
        if (request.items().size() > properties.batchLimit()) {
            return Mono.error(new ResponseStatusException(
                    HttpStatus.PAYLOAD_TOO_LARGE, "A batch carries at most " + properties.batchLimit() + " scans."));
        }
        Instant now = clock.instant();
        return Flux.range(0, request.items().size())
                .concatMap(index -> {
                    BatchItem item = request.items().get(index);
                    return offline(item, now, staff)
                            .map(done -> BatchItemResult.checkedIn(index, done))
                            .onErrorResume(
                                    CheckInRefused.class, refused -> Mono.just(BatchItemResult.of(index, refused)));
                })
                .collectList()
                .map(BatchResponse::new);
    }

    private Mono<CheckInResponse> offline(BatchItem item, Instant now, JwtAuthenticationToken staff) {
        Instant scannedAt = item.scannedAt().truncatedTo(ChronoUnit.MILLIS);
        return tokens.verify(item.token()).flatMap(token -> {
            if (scannedAt.isAfter(now.plus(properties.clockSkew()))) {
                return Mono.error(new CheckInRefused(Reason.INVALID_SCAN_TIME, "scannedAt lies in the future."));
            }
            if (scannedAt.isBefore(now.minus(properties.maxOfflineAge()))) {
                return Mono.error(new CheckInRefused(
                        Reason.INVALID_SCAN_TIME,
                        "The scan is older than the "
                                + properties.maxOfflineAge().toHours()
                                + " h an offline scan may wait before it is synced."));
            }
            if (scannedAt.isBefore(token.issuedAt().minus(properties.clockSkew()))) {
                return Mono.error(
                        new CheckInRefused(Reason.INVALID_SCAN_TIME, "scannedAt lies before the code was issued."));
            }
            if (scannedAt.isAfter(token.expiresAt().plus(properties.clockSkew()))) {
                return Mono.error(expired(token));
            }
            return record(token, scannedAt, staff, item.deviceId(), true);
        });
    }

    private Mono<CheckInResponse> record(
            CheckInTokens.Verified token,
            Instant scannedAt,
            JwtAuthenticationToken staff,
            String deviceId,
            boolean offline) {
        return events.find(token.eventId()).flatMap(event -> {
            if (!Caller.of(staff).isStaffOf(event.storeId())) {
                return Mono.error(
                        new CheckInRefused(Reason.WRONG_STORE, "This event takes place at another store than yours."));
            }
            if (event.cancelled()) {
                return Mono.error(new CheckInRefused(Reason.EVENT_CANCELLED, "The event has been cancelled."));
            }
            if (!event.checkInOpenAt(scannedAt)) {
                return Mono.error(new CheckInRefused(
                        Reason.WINDOW_CLOSED,
                        "Check-in is open from " + event.checkInOpensAt() + " to " + event.checkInClosesAt()
                                + ", not at " + scannedAt + "."));
            }
            // The unique (event, member) index answers a second scan: no look-up before the insert.
            return seat(event, token.memberId())
                    .flatMap(seated -> insert(event, token, scannedAt, staff, deviceId, offline, seated.walkIn())
                            .map(done -> done.withPlace(seated.place(), event.capacity())));
        });
    }

    /** The member's place as the verdict shows it, and whether it was given at the door just now. */
    private record Seated(Events.Place place, boolean walkIn) {}

    /**
     * The member's confirmed place (one read), or a seat given at the door just now; refuses otherwise. A member
     * without a confirmed place who was checked in already (and cancelled since) is refused as checked in.
     */
    private Mono<Seated> seat(EventInfo event, String memberId) {
        return events.place(event.id(), memberId)
                .flatMap(place -> place.state() == RsvpState.CONFIRMED
                        ? Mono.just(new Seated(place, false))
                        : existing(event.id(), memberId)
                                .flatMap(found -> Mono.<Seated>error(CheckInRefused.alreadyCheckedIn(found)))
                                .switchIfEmpty(Mono.defer(() -> walkIn(event, memberId, place.state()))));
    }

    private Mono<Seated> walkIn(EventInfo event, String memberId, RsvpState state) {
        if (!event.walkInsAllowed()) {
            return Mono.error(new CheckInRefused(
                    Reason.NOT_REGISTERED,
                    state == RsvpState.WAITLISTED
                            ? "The member is on the waitlist, and this event takes no walk-ins."
                            : "The member has no place at this event, and it takes no walk-ins."));
        }
        return events.mayWalkIn(event, memberId)
                .flatMap(allowed -> allowed ? events.admitWalkIn(event.id(), memberId) : Mono.error(communityOnly()))
                .flatMap(admitted -> admitted
                        ? events.place(event.id(), memberId).map(seated -> new Seated(seated, true))
                        : Mono.error(
                                new CheckInRefused(Reason.EVENT_FULL, "The event is full: no seat for a walk-in.")));
    }

    private Mono<CheckInResponse> insert(
            EventInfo event,
            CheckInTokens.Verified token,
            Instant scannedAt,
            JwtAuthenticationToken staff,
            String deviceId,
            boolean offline,
            boolean walkIn) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = new ObjectId().toHexString();
        CheckIn checkIn = new CheckIn(
                id,
                event.id(),
                token.memberId(),
                event.brandId(),
                event.storeId(),
                event.communityId(),
                staff.getName(),
                deviceId,
                token.tokenId(),
                walkIn,
                offline,
                event.attendPoints(),
                scannedAt.truncatedTo(ChronoUnit.MILLIS),
                now,
                CheckInDeliveries.of(event.id(), token.memberId(), event.brandId(), id, event.attendPoints(), now));
        return mongo.insert(checkIn)
                .flatMap(saved -> firsts.offer(saved).thenReturn(saved))
                .doOnNext(saved -> relay.kick("checkins", saved.id(), checkIn.outbox()))
                .map(saved -> CheckInResponse.of(saved, event.title()))
                .onErrorResume(DuplicateKeyException.class, raced -> existing(event.id(), token.memberId())
                        .flatMap(found -> Mono.error(CheckInRefused.alreadyCheckedIn(found))));
    }

    private Mono<CheckIn> existing(String eventId, String memberId) {
        return mongo.findOne(
                Query.query(Criteria.where(CheckIn.EVENT_ID)
                        .is(eventId)
                        .and(CheckIn.MEMBER_ID)
                        .is(memberId)),
                CheckIn.class);
    }

    private static CheckInRefused expired(CheckInTokens.Verified token) {
        return new CheckInRefused(
                Reason.TOKEN_EXPIRED,
                "The code expired at " + token.expiresAt() + ": ask the member to show the fresh code.");
    }
}
