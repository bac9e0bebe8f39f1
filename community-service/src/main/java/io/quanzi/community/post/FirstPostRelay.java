package io.quanzi.community.post;

import io.quanzi.community.client.DownstreamFailure;
import io.quanzi.community.client.EarnRequest;
import io.quanzi.community.client.OfferClient;
import io.quanzi.community.community.OutboxBackoff;
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
import reactor.core.publisher.Mono;

/**
 * Relays FIRST_POST awards from the post outbox to offer-service with the idempotency key
 * {@code first-post:{communityId}:{memberId}}: retried with backoff until acknowledged, marked
 * FAILED on a permanent refusal (400, 409 for the key reused with another body, 413, 415, 422; see
 * {@code DownstreamRefusals}).
 */
@Component
class FirstPostRelay {

    private static final Logger log = LoggerFactory.getLogger(FirstPostRelay.class);
    private static final int BATCH = 50;

    private final ReactiveMongoTemplate mongo;
    private final OfferClient offers;
    private final Clock clock;

    FirstPostRelay(ReactiveMongoTemplate mongo, OfferClient offers, Clock clock) {
        this.mongo = mongo;
        this.offers = offers;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${quanzi.community.outbox.relay-interval:5s}",
            initialDelayString = "${quanzi.community.outbox.relay-interval:5s}")
    Mono<Long> relayDue() {
        Query due = Query.query(Criteria.where("pointsState")
                        .is(Post.OutboxState.PENDING)
                        .and("pointsNextAttemptAt")
                        .lte(clock.instant()))
                .with(Sort.by("pointsNextAttemptAt"))
                .limit(BATCH);
        return mongo.find(due, Post.class).concatMap(this::relay).count().onErrorResume(failure -> {
            log.warn("First-post points relay pass failed: {}", failure.toString());
            return Mono.just(0L);
        });
    }

    private Mono<Boolean> relay(Post post) {
        EarnRequest earn = new EarnRequest(
                post.pointsKey(),
                post.authorId(),
                post.brandId(),
                EarnRequest.Activity.FIRST_POST,
                "community-post:" + post.id(),
                null);
        return offers.earn(earn)
                .then(update(
                        post,
                        new Update().set("pointsState", Post.OutboxState.SENT).set("pointsError", null)))
                .thenReturn(true)
                .onErrorResume(failure -> failed(post, failure));
    }

    private Mono<Boolean> failed(Post post, Throwable failure) {
        int attempts = post.pointsAttempts() + 1;
        Update update =
                new Update().set("pointsAttempts", attempts).set("pointsError", String.valueOf(failure.getMessage()));
        if (failure instanceof DownstreamFailure downstream && downstream.permanent()) {
            log.error("offer-service refused first-post points {}: {}", post.pointsKey(), failure.getMessage());
            update.set("pointsState", Post.OutboxState.FAILED);
        } else {
            Instant next = OutboxBackoff.next(clock.instant(), attempts);
            update.set("pointsNextAttemptAt", next);
        }
        return update(post, update).thenReturn(false);
    }

    private Mono<Void> update(Post post, Update update) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(post.id())
                                .and("pointsState")
                                .is(Post.OutboxState.PENDING)),
                        update,
                        Post.class)
                .then();
    }
}
