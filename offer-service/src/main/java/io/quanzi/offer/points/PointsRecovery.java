package io.quanzi.offer.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finishes ledger writes that a crash (or a lost connection) left half done: every PENDING entry
 * older than {@link #SETTLE_DELAY} is driven through the steps it still needs, which apply it if
 * the account has no verdict on it yet, or only settle it if it has. Also drops account verdicts
 * past their retention.
 */
@Component
class PointsRecovery {

    /** A live request settles its entry within milliseconds; older PENDING entries are orphans. */
    static final Duration SETTLE_DELAY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(PointsRecovery.class);
    private static final int BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final LedgerSteps steps;
    private final TierQualification qualification;
    private final Clock clock;

    PointsRecovery(ReactiveMongoTemplate mongo, LedgerSteps steps, TierQualification qualification, Clock clock) {
        this.mongo = mongo;
        this.steps = steps;
        this.qualification = qualification;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${quanzi.points.recovery-delay:5s}", initialDelayString = "10s")
    Mono<Long> scheduledRun() {
        return runOnce()
                .flatMap(finished -> pruneDecisions().thenReturn(finished))
                .onErrorResume(failure -> {
                    log.error("Points recovery run failed; the next run starts over", failure);
                    return Mono.just(0L);
                });
    }

    /** Drives the orphaned PENDING entries; returns how many it settled. */
    Mono<Long> runOnce() {
        Instant now = clock.instant();
        Query orphans = Query.query(Criteria.where("state")
                        .is(EntryState.PENDING.name())
                        .and("createdAt")
                        .lt(now.minus(SETTLE_DELAY))
                        .gte(now.minus(LedgerSteps.DRIVE_HORIZON)))
                .with(Sort.by("createdAt"))
                .limit(BATCH);
        return mongo.find(orphans, PointsEntry.class)
                .concatMap(entry -> steps.driveToEnd(entry)
                        .flatMap(driven -> qualification
                                .afterApplied(driven.entry(), driven.earnedInWindow(), null)
                                .thenReturn(driven.entry()))
                        .doOnNext(settled -> log.info(
                                "Recovered points entry {} ({} {}): {}",
                                settled.id(),
                                settled.type(),
                                settled.idempotencyKey(),
                                settled.state()))
                        .onErrorResume(failure -> {
                            log.warn("Could not recover points entry {}", entry.id(), failure);
                            return Mono.empty();
                        }))
                .filter(settled -> settled.state() != EntryState.PENDING)
                .count()
                .flatMap(finished -> reportStuck(now).thenReturn(finished));
    }

    private Mono<Void> reportStuck(Instant now) {
        return mongo.count(
                        Query.query(Criteria.where("state")
                                .is(EntryState.PENDING.name())
                                .and("createdAt")
                                .lt(now.minus(LedgerSteps.DRIVE_HORIZON))),
                        PointsEntry.class)
                .filter(stuck -> stuck > 0)
                .doOnNext(stuck -> log.error(
                        "{} points entries are PENDING beyond the recovery horizon; an operator must settle them",
                        stuck))
                .then();
    }

    /** Drops verdicts older than the retention from the accounts that have some. */
    Mono<Long> pruneDecisions() {
        Instant cutoff = clock.instant().minus(LedgerSteps.DECISION_RETENTION);
        return mongo.find(Query.query(Criteria.where("decisions.at").lt(cutoff)).limit(BATCH), PointsAccount.class)
                .concatMap(account -> steps.pruneDecisions(account.id()))
                .reduce(0L, Long::sum);
    }
}
