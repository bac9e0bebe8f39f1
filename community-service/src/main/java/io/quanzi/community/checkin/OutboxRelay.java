package io.quanzi.community.checkin;

import io.quanzi.community.client.DownstreamFailure;
import io.quanzi.community.client.EarnRequest;
import io.quanzi.community.client.MemberClient;
import io.quanzi.community.client.OfferClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Delivers each check-in's effects in other services until acknowledged: the attendance points (offer-service,
 * keyed {@code checkin:{eventId}:{memberId}}), the fact {@code attended-event:{eventId}} (offer-service), and for the
 * member's first check-in at the brand the referral milestone {@code FIRST_CHECK_IN} (member-service, keyed
 * {@code first-checkin:{brandId}:{memberId}}).
 *
 * <p>Each delivery is claimed by a conditional update that pushes its {@code nextAttemptAt} forward by a lease, so the
 * immediate attempt after a check-in, the schedule and other instances never send the same delivery at once. An
 * acknowledged delivery becomes DONE; a permanent refusal (400, 409, 413, 415, 422: see {@code DownstreamRefusals})
 * FAILED, logged and never retried; anything else, 401/403/404 included, is retried with exponential backoff. Repeats after a lost acknowledgement are harmless: every write carries its idempotency key.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /**
     * How long an attempt holds its delivery. Longer than a call can take (the clients' time limit is 3 s), short
     * enough that a delivery whose attempt was lost (the instance died mid-call) is retried within seconds.
     */
    static final Duration LEASE = Duration.ofSeconds(10);

    private static final int BATCH = 50;
    private static final int MAX_BATCHES_PER_ROUND = 20;
    /**
     * Deliveries in flight at once, immediate and scheduled together. A check-in rush must not turn into a thousand
     * simultaneous calls: offer-service would answer them late, the time limit would fail them, the circuit would
     * open and every award would wait out its back-off. A few at a time, they all go through at once.
     */
    static final int IN_FLIGHT = 8;

    private static final int QUEUED = 4096;

    enum Kind {
        POINTS("pointsAward"),
        FACT("factPush"),
        MILESTONE("referralMilestone");

        final String field;

        Kind(String field) {
            this.field = field;
        }

        Delivery of(CheckIn checkIn) {
            return switch (this) {
                case POINTS -> checkIn.pointsAward();
                case FACT -> checkIn.factPush();
                case MILESTONE -> checkIn.referralMilestone();
            };
        }

        String path(String property) {
            return field + "." + property;
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final OfferClient offers;
    private final MemberClient members;
    private final FirstCheckIns firsts;
    private final CheckInProperties properties;
    private final Clock clock;
    private final Sinks.Many<CheckIn> fresh =
            Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(QUEUED));

    OutboxRelay(
            ReactiveMongoTemplate mongo,
            OfferClient offers,
            MemberClient members,
            FirstCheckIns firsts,
            CheckInProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.offers = offers;
        this.members = members;
        this.firsts = firsts;
        this.properties = properties;
        this.clock = clock;
        // One long-lived pipeline takes the fresh check-ins, a few at a time; its subscription lives as long as the
        // bean (the relay is a singleton), and an error in one check-in never ends it.
        fresh.asFlux()
                .flatMap(
                        checkIn -> attemptAll(checkIn).onErrorResume(failure -> {
                            log.warn(
                                    "Immediate delivery of check-in {} failed; the relay retries",
                                    checkIn.id(),
                                    failure);
                            return Mono.empty();
                        }),
                        IN_FLIGHT)
                .subscribe();
    }

    /**
     * Queues a fresh check-in's deliveries to be tried at once, without holding up the scan. When the queue is full
     * (a rush bigger than {@value #QUEUED}) the schedule picks the check-in up instead: it is due from its insert.
     */
    void kick(CheckIn checkIn) {
        synchronized (fresh) {
            fresh.tryEmitNext(checkIn);
        }
    }

    private Mono<Void> attemptAll(CheckIn checkIn) {
        return Flux.fromArray(Kind.values())
                .concatMap(kind -> attempt(checkIn, kind))
                .then();
    }

    @Scheduled(
            fixedDelayString = "${quanzi.community.checkin.relay-interval:1s}",
            initialDelayString = "${quanzi.community.checkin.relay-interval:1s}")
    Mono<Void> relayDue() {
        return Flux.range(0, MAX_BATCHES_PER_ROUND)
                .concatMap(batch -> relayDueBatch())
                .takeUntil(found -> found < BATCH)
                .onErrorResume(failure -> {
                    log.warn("Outbox relay round failed", failure);
                    return Mono.empty();
                })
                .then();
    }

    /**
     * One batch of check-ins with any delivery due, found in one query (the embedded server reads the whole
     * collection for it, so one query rather than one per kind), {@link #IN_FLIGHT} at a time; emits how many.
     */
    private Mono<Integer> relayDueBatch() {
        Instant now = clock.instant();
        Criteria[] due = Stream.of(Kind.values())
                .map(kind -> Criteria.where(kind.path(Delivery.STATE))
                        .is(Delivery.State.PENDING.name())
                        .and(kind.path(Delivery.NEXT_ATTEMPT_AT))
                        .lte(now))
                .toArray(Criteria[]::new);
        Query query = Query.query(new Criteria().orOperator(due)).limit(BATCH);
        return mongo.find(query, CheckIn.class)
                .flatMap(
                        checkIn -> Flux.fromArray(Kind.values())
                                .filter(kind -> isDue(kind.of(checkIn), now))
                                .concatMap(kind -> attempt(checkIn, kind))
                                .then(Mono.just(1)),
                        IN_FLIGHT)
                .count()
                .map(Long::intValue);
    }

    private static boolean isDue(Delivery delivery, Instant now) {
        return delivery != null
                && delivery.state() == Delivery.State.PENDING
                && !delivery.nextAttemptAt().isAfter(now);
    }

    private Mono<Void> attempt(CheckIn checkIn, Kind kind) {
        Delivery delivery = kind.of(checkIn);
        if (delivery == null || delivery.state() != Delivery.State.PENDING) {
            return Mono.empty();
        }
        Instant now = now();
        Query claim = Query.query(Criteria.where("_id")
                .is(checkIn.id())
                .and(kind.path(Delivery.STATE))
                .is(Delivery.State.PENDING.name())
                .and(kind.path(Delivery.NEXT_ATTEMPT_AT))
                .is(delivery.nextAttemptAt()));
        Update lease = new Update()
                .set(kind.path(Delivery.NEXT_ATTEMPT_AT), now.plus(LEASE))
                .inc(kind.path(Delivery.ATTEMPTS), 1);
        return mongo.updateFirst(claim, lease, CheckIn.class).flatMap(claimed -> {
            if (claimed.getModifiedCount() != 1) {
                return Mono.empty();
            }
            int attempts = delivery.attempts() + 1;
            return deliver(checkIn, kind)
                    .then(Mono.defer(() -> settle(checkIn, kind, Delivery.State.DONE, null, null)))
                    .onErrorResume(failure -> failed(checkIn, kind, attempts, failure));
        });
    }

    /** Calls the target; completes empty when acknowledged, or when the delivery turns out not to apply. */
    private Mono<Void> deliver(CheckIn checkIn, Kind kind) {
        return switch (kind) {
            case POINTS ->
                offers.earn(new EarnRequest(
                        checkIn.pointsKey(),
                        checkIn.memberId(),
                        checkIn.brandId(),
                        EarnRequest.Activity.CHECK_IN,
                        checkIn.pointsKey(),
                        checkIn.attendPoints()));
            case FACT -> offers.pushFact(checkIn.memberId(), checkIn.brandId(), checkIn.attendedFact(), true);
            case MILESTONE ->
                firstAtBrand(checkIn)
                        .flatMap(first -> first
                                ? members.referralMilestone(
                                        checkIn.milestoneKey(),
                                        checkIn.memberId(),
                                        checkIn.brandId(),
                                        "FIRST_CHECK_IN",
                                        checkIn.pointsKey())
                                : Mono.error(new NotApplicable()));
        };
    }

    /**
     * The member's earliest check-in at the brand (by scan time, then id) is the first attendance: read from its
     * marker ({@link FirstCheckIns}); check-ins recorded before markers existed are looked up among all check-ins.
     */
    private Mono<Boolean> firstAtBrand(CheckIn checkIn) {
        return firsts.firstOf(checkIn.brandId(), checkIn.memberId())
                .map(first -> first.equals(checkIn.id()))
                .switchIfEmpty(Mono.defer(() -> earliestAmongAll(checkIn)));
    }

    private Mono<Boolean> earliestAmongAll(CheckIn checkIn) {
        Query earliest = Query.query(Criteria.where(CheckIn.BRAND_ID)
                        .is(checkIn.brandId())
                        .and(CheckIn.MEMBER_ID)
                        .is(checkIn.memberId()))
                .with(Sort.by(CheckIn.CHECKED_IN_AT, "_id"))
                .limit(1);
        return mongo.findOne(earliest, CheckIn.class)
                .map(first -> first.id().equals(checkIn.id()))
                .defaultIfEmpty(false);
    }

    private Mono<Void> failed(CheckIn checkIn, Kind kind, int attempts, Throwable failure) {
        if (failure instanceof NotApplicable) {
            return settle(checkIn, kind, Delivery.State.SKIPPED, null, null);
        }
        if (failure instanceof DownstreamFailure downstream && downstream.permanent()) {
            log.error(
                    "{} of check-in {} (member {}, event {}) refused for good: {}",
                    kind,
                    checkIn.id(),
                    checkIn.memberId(),
                    checkIn.eventId(),
                    failure.getMessage());
            return settle(checkIn, kind, Delivery.State.FAILED, failure.getMessage(), null);
        }
        Duration backoff = backoff(attempts);
        log.info(
                "{} of check-in {} not delivered (attempt {}), retry in {}: {}",
                kind,
                checkIn.id(),
                attempts,
                backoff,
                failure.getMessage());
        return settle(checkIn, kind, Delivery.State.PENDING, String.valueOf(failure.getMessage()), now().plus(backoff));
    }

    Duration backoff(int attempts) {
        Duration delay = properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay;
    }

    private Mono<Void> settle(CheckIn checkIn, Kind kind, Delivery.State state, String error, Instant next) {
        Update update = new Update()
                .set(kind.path(Delivery.STATE), state.name())
                .set(kind.path(Delivery.LAST_ERROR), error == null ? null : abbreviate(error));
        if (next != null) {
            update.set(kind.path(Delivery.NEXT_ATTEMPT_AT), next);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(checkIn.id())), update, CheckIn.class)
                .then();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** The delivery does not apply to this check-in (a later attendance needs no first-check-in milestone). */
    private static final class NotApplicable extends RuntimeException {
        NotApplicable() {
            super(null, null, false, false);
        }
    }
}
