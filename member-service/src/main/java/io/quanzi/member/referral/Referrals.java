package io.quanzi.member.referral;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.quanzi.member.offer.OfferCall;
import io.quanzi.platform.problem.Problem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Invite codes, attribution of new club members to the members who invited them, and the rewards
 * that follow. Every rule holds without transactions: one referral per (brand, referee) is a
 * unique index, the daily cap is a conditional upsert on one counter document, and rewards are
 * outbox entries written in the same insert as the referral, with idempotency keys.
 */
@Service
public class Referrals {

    static final String DAILY_COUNTS = "referral_daily_counts";
    static final String FIRST_CHECK_IN = "FIRST_CHECK_IN";
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final ReactiveMongoTemplate mongo;
    private final ClubMembers members;
    private final ReferralProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Referrals(ReactiveMongoTemplate mongo, ClubMembers members, ReferralProperties properties, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Attributes {@code refereeId}, who has just joined {@code brandId}'s club, to the owner of
     * {@code code}. Never fails for a rule: refusals come back as an {@link Attribution}.
     */
    public Mono<Attribution> attribute(String refereeId, String brandId, String code) {
        return mongo.findById(code, Invite.class)
                .filter(invite -> invite.brandId().equals(brandId))
                .map(invite -> Mono.defer(() -> attributeTo(invite, refereeId, brandId)))
                .defaultIfEmpty(Mono.just(Attribution.refused(
                        "unknown-invite-code", "No invite with code '" + code + "' exists for this brand.")))
                .flatMap(attribution -> attribution);
    }

    private Mono<Attribution> attributeTo(Invite invite, String refereeId, String brandId) {
        String referrerId = invite.memberId();
        if (referrerId.equals(refereeId)) {
            return Mono.just(Attribution.refused("self-referral", "You cannot use your own invite code."));
        }
        return referralOf(refereeId, brandId)
                .map(existing -> Attribution.refused(
                        "already-referred", "You were already invited to this brand's club by another member."))
                .switchIfEmpty(Mono.defer(() -> chainAbove(referrerId, brandId).flatMap(chain -> {
                    if (chain.contains(refereeId)) {
                        return Mono.just(Attribution.refused(
                                "referral-cycle",
                                "The member who shared this code joined through your own invite chain."));
                    }
                    return countTowardsDailyCap(brandId, referrerId)
                            .flatMap(counted -> counted
                                    ? record(invite, refereeId, chain)
                                    : Mono.just(Attribution.refused(
                                            "daily-cap-reached",
                                            "The member who shared this code has reached today's limit of "
                                                    + properties.dailyCap() + " invites.")));
                })));
    }

    /** The referrer followed by the referrer's own ancestors, capped. */
    private Mono<List<String>> chainAbove(String referrerId, String brandId) {
        return referralOf(referrerId, brandId)
                .map(Referral::ancestors)
                .defaultIfEmpty(List.of())
                .map(above -> {
                    List<String> chain = new ArrayList<>();
                    chain.add(referrerId);
                    chain.addAll(above);
                    return List.copyOf(chain.subList(0, Math.min(chain.size(), properties.maxChainDepth())));
                });
    }

    private Mono<Attribution> record(Invite invite, String refereeId, List<String> chain) {
        Instant now = clock.instant();
        String brandId = invite.brandId();
        String referrerId = invite.memberId();
        String keyBase = "referral:" + brandId + ":" + refereeId;
        Referral referral = new Referral(
                UUID.randomUUID().toString(),
                brandId,
                refereeId,
                referrerId,
                invite.code(),
                chain,
                now,
                List.of(),
                List.of(
                        OfferCall.earn(keyBase + ":referrer", referrerId, brandId, "REFERRAL_REFERRER", keyBase, now),
                        OfferCall.earn(keyBase + ":referee", refereeId, brandId, "REFERRAL_REFEREE", keyBase, now)));
        return mongo.insert(referral)
                .thenReturn(Attribution.attributed(chain.size()))
                .onErrorResume(DuplicateKeyException.class, raced -> uncount(brandId, referrerId)
                        .thenReturn(Attribution.refused(
                                "already-referred",
                                "You were already invited to this brand's club by another member.")));
    }

    /**
     * Takes one of the referrer's invites for today: an upsert that matches only while the count
     * is under the cap. At the cap the filter misses, the upsert tries a second document with the
     * same id, and the unique {@code _id} refuses it: no read-then-write race.
     */
    private Mono<Boolean> countTowardsDailyCap(String brandId, String referrerId) {
        Query underCap = Query.query(
                where("_id").is(dailyKey(brandId, referrerId)).and("count").lt(properties.dailyCap()));
        return mongo.upsert(underCap, new Update().inc("count", 1), DAILY_COUNTS)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, capReached -> Mono.just(false));
    }

    private Mono<Void> uncount(String brandId, String referrerId) {
        return mongo.updateFirst(
                        Query.query(where("_id").is(dailyKey(brandId, referrerId))),
                        new Update().inc("count", -1),
                        DAILY_COUNTS)
                .then();
    }

    private String dailyKey(String brandId, String referrerId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return brandId + ":" + referrerId + ":" + today;
    }

    private Mono<Referral> referralOf(String refereeId, String brandId) {
        return mongo.findOne(
                Query.query(where("brandId").is(brandId).and("refereeId").is(refereeId)), Referral.class);
    }

    /** The caller's invite for a brand whose club they are in, made on first request. */
    Mono<InviteResponse> invite(String memberId, String brandId) {
        return members.activeMemberNumber(memberId, brandId)
                .switchIfEmpty(Mono.error(() -> Problem.conflict(
                        "club-membership-required", "Join brand '" + brandId + "''s club before inviting others.")))
                .then(findOrCreateInvite(memberId, brandId, 3))
                .map(invite -> InviteResponse.of(invite, properties.joinLinkBase()));
    }

    private Mono<Invite> findOrCreateInvite(String memberId, String brandId, int triesLeft) {
        Query mine = Query.query(where("memberId").is(memberId).and("brandId").is(brandId));
        return mongo.findOne(mine, Invite.class)
                .switchIfEmpty(
                        Mono.defer(() -> mongo.insert(new Invite(newCode(), memberId, brandId, clock.instant()))))
                .onErrorResume(
                        DuplicateKeyException.class,
                        // Either a concurrent request made the member's invite, or (rarely) the code was taken.
                        raced -> triesLeft > 0
                                ? findOrCreateInvite(memberId, brandId, triesLeft - 1)
                                : Mono.error(raced));
    }

    String newCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /**
     * Records a milestone reached by a referee (today only {@code FIRST_CHECK_IN}) once, and with
     * it a points reward for the referrer (idempotency key per brand, referee and milestone).
     * Members who were not referred have nothing to record.
     */
    Mono<Void> milestone(MilestoneRequest request) {
        Instant now = clock.instant();
        String key =
                "referral:" + request.brandId() + ":" + request.memberId() + ":" + request.milestone() + ":referrer";
        Query notYet = Query.query(where("brandId")
                .is(request.brandId())
                .and("refereeId")
                .is(request.memberId())
                .and("milestones.milestone")
                .ne(request.milestone()));
        return mongo.findOne(notYet, Referral.class)
                .flatMap(referral -> mongo.updateFirst(
                        Query.query(where("_id")
                                .is(referral.id())
                                .and("milestones.milestone")
                                .ne(request.milestone())),
                        new Update()
                                .push(
                                        "milestones",
                                        new Referral.Milestone(
                                                request.milestone(),
                                                request.sourceRef(),
                                                request.idempotencyKey(),
                                                now))
                                .push(
                                        "outbox",
                                        OfferCall.earn(
                                                key,
                                                referral.referrerId(),
                                                request.brandId(),
                                                "REFERRAL_REFERRER",
                                                request.sourceRef(),
                                                now)),
                        Referral.class))
                .then();
    }

    /** Top referrers of a brand, with spread and the brand's k-factor. */
    Mono<Leaderboard> leaderboard(String brandId, int limit) {
        Query query = Query.query(where("brandId").is(brandId));
        query.fields().include("referrerId", "ancestors", "milestones");
        return mongo.find(query, Referral.class)
                .collectList()
                .zipWith(members.memberCount(brandId))
                .flatMap(found -> {
                    List<Referral> referrals = found.getT1();
                    long memberCount = found.getT2();
                    Map<String, long[]> stats = new LinkedHashMap<>();
                    int maxDepth = 0;
                    long visits = 0;
                    for (Referral referral : referrals) {
                        List<String> chain = referral.ancestors() == null ? List.of() : referral.ancestors();
                        maxDepth = Math.max(maxDepth, chain.size());
                        if (referral.milestones() != null
                                && !referral.milestones().isEmpty()) {
                            visits++;
                        }
                        for (int level = 0; level < chain.size(); level++) {
                            long[] entry = stats.computeIfAbsent(chain.get(level), id -> new long[3]);
                            if (level == 0) {
                                entry[0]++;
                            }
                            entry[1]++;
                            entry[2] = Math.max(entry[2], level + 1);
                        }
                    }
                    List<Map.Entry<String, long[]>> top = stats.entrySet().stream()
                            .filter(entry -> entry.getValue()[0] > 0)
                            .sorted((a, b) -> a.getValue()[0] != b.getValue()[0]
                                    ? Long.compare(b.getValue()[0], a.getValue()[0])
                                    : Long.compare(b.getValue()[1], a.getValue()[1]))
                            .limit(limit)
                            .toList();
                    double kFactor =
                            memberCount == 0 ? 0 : Math.round(1000.0 * referrals.size() / memberCount) / 1000.0;
                    int deepest = maxDepth;
                    long checkedIn = visits;
                    return reactor.core.publisher.Flux.fromIterable(top)
                            .concatMap(entry -> members.activeMemberNumber(entry.getKey(), brandId)
                                    .map(java.util.Optional::of)
                                    .defaultIfEmpty(java.util.Optional.empty())
                                    .map(number -> new Leaderboard.Entry(
                                            entry.getKey(),
                                            number.orElse(null),
                                            entry.getValue()[0],
                                            entry.getValue()[1],
                                            (int) entry.getValue()[2])))
                            .collectList()
                            .map(entries -> new Leaderboard(
                                    brandId, memberCount, referrals.size(), checkedIn, kFactor, deepest, entries));
                });
    }

    /** The member's invites and referral history for the data export. */
    public Mono<Map<String, Object>> export(String memberId) {
        Mono<List<InviteResponse>> invites = mongo.find(
                        Query.query(where("memberId").is(memberId)), Invite.class)
                .map(invite -> InviteResponse.of(invite, properties.joinLinkBase()))
                .collectList();
        Mono<List<Map<String, Object>>> referredBy = mongo.find(
                        Query.query(where("refereeId").is(memberId)), Referral.class)
                .map(referral -> Map.<String, Object>of(
                        "brandId", referral.brandId(),
                        "attributedAt", referral.attributedAt(),
                        "milestones", referral.milestones() == null ? List.of() : referral.milestones()))
                .collectList();
        Mono<Long> invited = mongo.count(Query.query(where("referrerId").is(memberId)), Referral.class);
        return Mono.zip(invites, referredBy, invited)
                .map(all -> Map.of("invites", all.getT1(), "referredBy", all.getT2(), "membersInvited", all.getT3()));
    }

    /**
     * Unlinks the member from the invite graph: their invite codes stop working, and every node
     * of theirs in a chain becomes the pseudonym, so chains, depth and k-factor stay correct.
     */
    public Mono<Void> anonymize(String memberId, String pseudonym) {
        return mongo.remove(Query.query(where("memberId").is(memberId)), Invite.class)
                .then(mongo.updateMulti(
                        Query.query(where("refereeId").is(memberId)),
                        new Update().set("refereeId", pseudonym),
                        Referral.class))
                .then(mongo.updateMulti(
                        Query.query(where("referrerId").is(memberId)),
                        new Update().set("referrerId", pseudonym),
                        Referral.class))
                .then(mongo.updateMulti(
                        Query.query(where("ancestors").is(memberId)),
                        new Update().set("ancestors.$", pseudonym),
                        Referral.class))
                .then();
    }
}
