package io.quanzi.offer.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The steps of every ledger write, each idempotent and safe to run again by anyone (the request
 * that started it, a retry of that request, the recovery job):
 *
 * <ol>
 *   <li>{@link #record}: insert the entry as PENDING; the unique index on (brandId,
 *       idempotencyKey) makes a repeat find the first entry instead.
 *   <li>{@link #claimTarget} (reversals and refunds only): mark the target entry as reversed by
 *       this entry, so a spend or an earning is taken back at most once.
 *   <li>{@link #decide}: ONE conditional update of the account that both changes the balance and
 *       appends the entry id to the account's decisions, guarded by "id not in decisions" (and
 *       "balance covers it" for debits). If the guard fails because of the balance, a second
 *       conditional update records a rejection instead. Either way the account holds exactly one
 *       verdict per entry, whoever gets there first. The same update raises the account's
 *       tier-qualifying bound ({@code earnedInWindow}) by the entry's qualifying points, and for
 *       entries without a funds or snapshot guard it is an upsert that creates the account.
 *   <li>{@link #settle}: copy the verdict onto the entry (PENDING → APPLIED or REJECTED).
 * </ol>
 *
 * A crash between any two steps leaves a PENDING entry that {@link PointsRecovery} drives through
 * the remaining steps. The account's decisions are kept {@link #DECISION_RETENTION}, and nothing
 * drives a PENDING entry older than {@link #DRIVE_HORIZON}, so a verdict is always found if one
 * was made.
 */
@Component
class LedgerSteps {

    /** How long an account keeps the verdict on an entry. */
    static final Duration DECISION_RETENTION = Duration.ofDays(7);

    /** PENDING entries older than this are left for an operator (logged), never driven again. */
    static final Duration DRIVE_HORIZON = Duration.ofDays(6);

    static final String INSUFFICIENT = "insufficient-points";
    static final String ALREADY_REVERSED = "already-reversed";
    static final String STALE = "stale-snapshot";

    private static final Logger log = LoggerFactory.getLogger(LedgerSteps.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    LedgerSteps(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The outcome of step 1: the stored entry, and whether it was there already. */
    record Recorded(PointsEntry entry, boolean duplicate) {}

    /** Step 1. Inserts a PENDING entry, or finds the entry already stored under its key. */
    Mono<Recorded> record(PointsEntry draft) {
        return mongo.insert(draft)
                .map(entry -> new Recorded(entry, false))
                .onErrorResume(DuplicateKeyException.class, repeat -> find(draft.brandId(), draft.idempotencyKey())
                        .map(existing -> new Recorded(existing, true)));
    }

    Mono<PointsEntry> find(String brandId, String idempotencyKey) {
        return mongo.findOne(
                Query.query(Criteria.where("brandId")
                        .is(brandId)
                        .and("idempotencyKey")
                        .is(idempotencyKey)),
                PointsEntry.class);
    }

    Mono<PointsAccount> account(String accountId) {
        return mongo.findById(accountId, PointsAccount.class);
    }

    Mono<PointsEntry> findById(String entryId) {
        return mongo.findById(entryId, PointsEntry.class);
    }

    /**
     * Step 2 for reversals and refunds: the target remembers which entry takes it back. The claim
     * never changes once made, and every driver claims before deciding, so a reversal whose claim
     * fails was never applied and can be rejected outright.
     */
    Mono<Boolean> claimTarget(PointsEntry entry) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(entry.targetEntryId())
                                .orOperator(
                                        Criteria.where("reversedBy").isNull(),
                                        Criteria.where("reversedBy").is(entry.id()))),
                        new Update().set("reversedBy", entry.id()),
                        PointsEntry.class)
                .map(result -> result.getMatchedCount() == 1);
    }

    /**
     * The verdict of step 3 and the balance right after it.
     *
     * @param earnedInWindow the account's tier-qualifying bound right after this call applied the entry; null when
     *     the entry was not applied by this call (rejected, or decided earlier)
     */
    record Verdict(boolean applied, long balance, Long earnedInWindow) {}

    /** An entry after {@link #settle}, and the account's tier-qualifying bound if this drive applied it. */
    record Driven(PointsEntry entry, Long earnedInWindow) {}

    /**
     * Step 3. Applies the entry to the account at most once, or records why it cannot be.
     *
     * <p>An entry that needs no funds and no unchanged account (earnings, reversals, refunds) can only fail its guard
     * because the account already holds a verdict on it, so it is applied in one upsert that also creates the
     * account. The upsert matches on {@code _id} and "no verdict yet": when the account exists with a verdict, the
     * insert it falls back to hits the {@code _id} index ({@link DuplicateKeyException}), and the two-step path below
     * finds that verdict (or applies, if the account was created concurrently by another entry).
     *
     * <p>Debits and expiries are decided on the account as it is: applied if the guard holds, else rejected. Only
     * when neither update found the account undecided (no account yet, or a verdict already made) is the account
     * created and the decision made again, which then reads the earlier verdict if there is one.
     */
    Mono<Verdict> decide(PointsEntry entry) {
        if (!entry.needsFunds() && entry.expectedApplyCount() == null) {
            return createOrApply(entry)
                    .map(LedgerSteps::applied)
                    .onErrorResume(DuplicateKeyException.class, exists -> decideOnAccount(entry));
        }
        return apply(entry)
                .map(LedgerSteps::applied)
                .switchIfEmpty(Mono.defer(() -> reject(entry)))
                .switchIfEmpty(Mono.defer(() -> ensureAccount(entry).then(Mono.defer(() -> decideOnAccount(entry)))));
    }

    /** Step 3 on an account that exists: apply, else reject, else read the verdict made first. */
    private Mono<Verdict> decideOnAccount(PointsEntry entry) {
        return apply(entry)
                .map(LedgerSteps::applied)
                .switchIfEmpty(Mono.defer(() -> reject(entry)))
                .switchIfEmpty(Mono.defer(() -> earlierVerdict(entry)));
    }

    private Mono<Void> ensureAccount(PointsEntry entry) {
        Update create = new Update()
                .setOnInsert("brandId", entry.brandId())
                .setOnInsert("memberId", entry.memberId())
                .setOnInsert("balance", 0L)
                .setOnInsert("lifetimeEarned", 0L)
                .setOnInsert("earnedInWindow", 0L)
                .setOnInsert("applyCount", 0L)
                .setOnInsert("decisions", java.util.List.of())
                .setOnInsert("createdAt", clock.instant());
        return mongo.upsert(Query.query(Criteria.where("_id").is(entry.accountId())), create, PointsAccount.class)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then();
    }

    /** The one write of step 3 for entries without a funds or snapshot guard: creates the account if needed. */
    private Mono<PointsAccount> createOrApply(PointsEntry entry) {
        Update update = applying(entry)
                .setOnInsert("brandId", entry.brandId())
                .setOnInsert("memberId", entry.memberId())
                .setOnInsert("createdAt", clock.instant());
        if (entry.qualifying() == 0) {
            update.setOnInsert("earnedInWindow", 0L);
        }
        return mongo.findAndModify(
                Query.query(undecided(entry)),
                update,
                FindAndModifyOptions.options().returnNew(true).upsert(true),
                PointsAccount.class);
    }

    private Mono<PointsAccount> apply(PointsEntry entry) {
        Criteria guard = undecided(entry);
        if (entry.needsFunds()) {
            guard = guard.and("balance").gte(-entry.points());
        }
        if (entry.expectedApplyCount() != null) {
            guard = guard.and("applyCount").is(entry.expectedApplyCount());
        }
        return mongo.findAndModify(
                Query.query(guard),
                applying(entry),
                FindAndModifyOptions.options().returnNew(true),
                PointsAccount.class);
    }

    /**
     * The change an applied entry makes to its account, in the same atomic update as its verdict: the balance, the
     * batches, the apply count and the tier-qualifying bound ({@link TierQualification}).
     */
    private Update applying(PointsEntry entry) {
        Update update = new Update()
                .inc("balance", entry.points())
                .inc("lifetimeEarned", entry.batchDelta())
                .inc("applyCount", 1)
                .push("decisions", decision(entry, true));
        if (entry.qualifying() != 0) {
            update.inc("earnedInWindow", entry.qualifying());
        }
        return update;
    }

    private static Verdict applied(PointsAccount account) {
        return new Verdict(true, account.balance(), account.earnedInWindow());
    }

    private Mono<Verdict> reject(PointsEntry entry) {
        return mongo.findAndModify(
                        Query.query(undecided(entry)),
                        new Update().push("decisions", decision(entry, false)),
                        FindAndModifyOptions.options().returnNew(true),
                        PointsAccount.class)
                .map(account -> new Verdict(false, account.balance(), null));
    }

    /** Someone else decided first: read their verdict from the account. */
    private Mono<Verdict> earlierVerdict(PointsEntry entry) {
        return mongo.findById(entry.accountId(), PointsAccount.class)
                .flatMap(account -> Mono.justOrEmpty(account.decisionFor(entry.id())
                        .map(decision -> new Verdict(decision.applied(), account.balance(), null))))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Account " + entry.accountId() + " has no verdict on entry " + entry.id())));
    }

    private static Criteria undecided(PointsEntry entry) {
        return Criteria.where("_id")
                .is(entry.accountId())
                .and("decisions.entryId")
                .ne(entry.id());
    }

    private Document decision(PointsEntry entry, boolean applied) {
        return new Document("entryId", entry.id()).append("applied", applied).append("at", Date.from(clock.instant()));
    }

    /** Step 4. Copies the account's verdict onto the entry; a no-op if it was settled already. */
    Mono<PointsEntry> settle(PointsEntry entry, Verdict verdict) {
        Update update = new Update()
                .set("state", verdict.applied() ? EntryState.APPLIED.name() : EntryState.REJECTED.name())
                .set("balanceAfter", verdict.balance())
                .set("decidedAt", clock.instant());
        if (!verdict.applied()) {
            update.set("rejection", entry.expectedApplyCount() != null ? STALE : INSUFFICIENT);
        }
        return settleWith(entry, update);
    }

    /** Rejects a reversal whose target another entry already took back (no account change). */
    Mono<PointsEntry> settleAlreadyReversed(PointsEntry entry) {
        return settleWith(
                entry,
                new Update()
                        .set("state", EntryState.REJECTED.name())
                        .set("rejection", ALREADY_REVERSED)
                        .set("decidedAt", clock.instant()));
    }

    private Mono<PointsEntry> settleWith(PointsEntry entry, Update update) {
        return mongo.findAndModify(
                        Query.query(Criteria.where("_id")
                                .is(entry.id())
                                .and("state")
                                .is(EntryState.PENDING.name())),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        PointsEntry.class)
                .switchIfEmpty(Mono.defer(() -> findById(entry.id())));
    }

    /** Runs whatever steps remain for an entry; returns it settled (or as found, if too old). */
    Mono<PointsEntry> drive(PointsEntry entry) {
        return driveToEnd(entry).map(Driven::entry);
    }

    /** {@link #drive}, also telling the account's tier-qualifying bound when this drive applied the entry. */
    Mono<Driven> driveToEnd(PointsEntry entry) {
        if (entry.state() != EntryState.PENDING) {
            return Mono.just(new Driven(entry, null));
        }
        if (entry.createdAt().isBefore(clock.instant().minus(DRIVE_HORIZON))) {
            log.error("Points entry {} has been PENDING since {}: needs an operator", entry.id(), entry.createdAt());
            return Mono.just(new Driven(entry, null));
        }
        Mono<Boolean> claimed = entry.targetEntryId() == null ? Mono.just(true) : claimTarget(entry);
        return claimed.flatMap(ok -> ok
                ? decide(entry).flatMap(verdict -> settle(entry, verdict)
                        .map(settled -> new Driven(settled, verdict.earnedInWindow())))
                : settleAlreadyReversed(entry).map(settled -> new Driven(settled, null)));
    }

    /** Drops verdicts older than the retention from one account; the entries are long settled. */
    Mono<Long> pruneDecisions(String accountId) {
        Instant cutoff = clock.instant().minus(DECISION_RETENTION);
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(accountId)),
                        new Update().pull("decisions", new Document("at", new Document("$lt", Date.from(cutoff)))),
                        PointsAccount.class)
                .map(result -> result.getModifiedCount());
    }
}
