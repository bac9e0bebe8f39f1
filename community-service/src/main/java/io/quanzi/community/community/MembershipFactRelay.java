package io.quanzi.community.community;

import io.quanzi.community.client.DownstreamFailure;
import io.quanzi.community.client.OfferClient;
import java.time.Clock;
import java.time.Instant;
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

/**
 * Relays membership facts from the membership outbox to offer-service: {@code community:{id}} for
 * every community, plus {@code core-group:{id}} for a core group, present or absent as the
 * membership now stands. Pushing a fact is idempotent, so a repeat after a crash is harmless; an
 * entry is done only when the change it sent is still the latest ({@code factSeq} unchanged).
 */
@Component
class MembershipFactRelay {

    private static final Logger log = LoggerFactory.getLogger(MembershipFactRelay.class);
    private static final int BATCH = 50;

    private final ReactiveMongoTemplate mongo;
    private final OfferClient offers;
    private final Clock clock;

    MembershipFactRelay(ReactiveMongoTemplate mongo, OfferClient offers, Clock clock) {
        this.mongo = mongo;
        this.offers = offers;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${quanzi.community.outbox.relay-interval:5s}",
            initialDelayString = "${quanzi.community.outbox.relay-interval:5s}")
    Mono<Long> relayDue() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("factPending")
                        .is(true)
                        .and("factFailed")
                        .is(false)
                        .and("factNextAttemptAt")
                        .lte(now))
                .with(Sort.by("factNextAttemptAt"))
                .limit(BATCH);
        return mongo.find(due, CommunityMembership.class)
                .concatMap(this::relay)
                .count()
                .onErrorResume(failure -> {
                    log.warn("Membership fact relay pass failed: {}", failure.toString());
                    return Mono.just(0L);
                });
    }

    private Mono<Boolean> relay(CommunityMembership membership) {
        Flux<String> facts = membership.coreGroup()
                ? Flux.just("community:" + membership.communityId(), "core-group:" + membership.communityId())
                : Flux.just("community:" + membership.communityId());
        return facts.concatMap(fact ->
                        offers.pushFact(membership.memberId(), membership.brandId(), fact, membership.factPresent()))
                .then(acknowledged(membership))
                .onErrorResume(failure -> failed(membership, failure));
    }

    private Mono<Boolean> acknowledged(CommunityMembership membership) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(membership.id())
                                .and("factSeq")
                                .is(membership.factSeq())),
                        new Update()
                                .set("factPending", false)
                                .set("factSentSeq", membership.factSeq())
                                .set("factAttempts", 0)
                                .set("factError", null),
                        CommunityMembership.class)
                .thenReturn(true);
    }

    private Mono<Boolean> failed(CommunityMembership membership, Throwable failure) {
        boolean permanent = failure instanceof DownstreamFailure downstream && downstream.permanent();
        int attempts = membership.factAttempts() + 1;
        Update update = new Update().set("factAttempts", attempts).set("factError", abbreviate(failure));
        if (permanent) {
            log.error(
                    "offer-service refused membership fact of {} in {}: {}",
                    membership.memberId(),
                    membership.communityId(),
                    failure.getMessage());
            update.set("factFailed", true);
        } else {
            update.set("factNextAttemptAt", OutboxBackoff.next(clock.instant(), attempts));
        }
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(membership.id())
                                .and("factSeq")
                                .is(membership.factSeq())),
                        update,
                        CommunityMembership.class)
                .thenReturn(false);
    }

    private static String abbreviate(Throwable failure) {
        String text = String.valueOf(failure.getMessage());
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
