package io.quanzi.member.club;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.quanzi.member.brand.BrandRef;
import io.quanzi.member.brand.Brands;
import io.quanzi.member.offer.OfferCall;
import io.quanzi.member.offer.OfferClient;
import io.quanzi.member.referral.ClubMembers;
import io.quanzi.member.referral.Referrals;
import io.quanzi.member.system.QrCodes;
import io.quanzi.platform.outbox.OutboxEntry;
import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Brand-club memberships: joining (with member numbers from a per-brand counter), leaving,
 * rejoining, the member card. Effects in offer-service go into the membership's outbox in the
 * same atomic write as the membership change.
 */
@Service
public class Clubs implements ClubMembers {

    static final String COUNTERS = "member_number_counters";
    static final String CLUB_MEMBER_FACT = "club-member";

    private final ReactiveMongoTemplate mongo;
    private final Brands brands;
    private final Referrals referrals;
    private final OfferClient offers;
    private final Clock clock;

    Clubs(ReactiveMongoTemplate mongo, Brands brands, @Lazy Referrals referrals, OfferClient offers, Clock clock) {
        this.mongo = mongo;
        this.brands = brands;
        this.referrals = referrals;
        this.offers = offers;
        this.clock = clock;
    }

    /**
     * Joins the club. Repeating a join returns the active membership unchanged; joining after
     * leaving reactivates the old membership and member number. An invite code is considered only
     * when this call made the member active; its refusal never fails the join.
     */
    Mono<MembershipResponse> join(String memberId, String brandId, JoinRequest request) {
        JoinSource source = request.source() != null
                ? request.source()
                : request.inviteCode() != null ? JoinSource.REFERRAL : JoinSource.ORGANIC;
        Mono<Void> checks = brands.requireBrand(brandId)
                .then(
                        request.storeId() == null
                                ? Mono.<Void>empty()
                                : brands.requireStoreOf(brandId, request.storeId())
                                        .then());
        return checks.then(membership(memberId, brandId))
                .flatMap(existing -> existing.status() == MembershipStatus.ACTIVE
                        ? Mono.just(MembershipResponse.of(existing, true, null))
                        : rejoin(existing, source, request))
                .switchIfEmpty(Mono.defer(() -> create(memberId, brandId, source, request)));
    }

    private Mono<MembershipResponse> create(String memberId, String brandId, JoinSource source, JoinRequest request) {
        Instant now = clock.instant();
        return nextMemberNumber(brandId)
                .flatMap(number -> mongo.insert(new Membership(
                        UUID.randomUUID().toString(),
                        memberId,
                        brandId,
                        number,
                        MembershipStatus.ACTIVE,
                        source,
                        request.storeId(),
                        now,
                        null,
                        List.of(
                                clubMemberFact(memberId, brandId, number, now),
                                OfferCall.earn(
                                        "club-join:" + brandId + ":" + memberId,
                                        memberId,
                                        brandId,
                                        "CLUB_JOIN",
                                        "club-join:" + brandId,
                                        now)))))
                .flatMap(created -> withReferral(created, request))
                // A concurrent join of the same member won: theirs is the membership (its number wins too).
                .onErrorResume(DuplicateKeyException.class, raced -> membership(memberId, brandId)
                        .map(winner -> MembershipResponse.of(winner, true, null)));
    }

    private Mono<MembershipResponse> rejoin(Membership left, JoinSource source, JoinRequest request) {
        Instant now = clock.instant();
        Update update = new Update()
                .set("status", MembershipStatus.ACTIVE)
                .set("source", source)
                .set("storeId", request.storeId())
                .set("joinedAt", now)
                .unset("leftAt")
                .push("outbox", clubMemberFact(left.memberId(), left.brandId(), left.memberNumber(), now));
        return mongo.findAndModify(
                        Query.query(where("_id").is(left.id()).and("status").is(MembershipStatus.LEFT)),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        Membership.class)
                .flatMap(rejoined -> withReferral(rejoined, request))
                .switchIfEmpty(Mono.defer(() -> membership(left.memberId(), left.brandId())
                        .map(current -> MembershipResponse.of(current, true, null))));
    }

    /**
     * The {@code club-member} fact of a join or rejoin. It carries the member number, so that
     * offer-service (which calls no one) can find the member when staff scan the card.
     */
    private static OutboxEntry clubMemberFact(String memberId, String brandId, long memberNumber, Instant now) {
        return OfferCall.withMemberNumber(OfferCall.fact(memberId, brandId, CLUB_MEMBER_FACT, true, now), memberNumber);
    }

    private Mono<MembershipResponse> withReferral(Membership membership, JoinRequest request) {
        if (request.inviteCode() == null) {
            return Mono.just(MembershipResponse.of(membership, false, null));
        }
        return referrals
                .attribute(
                        membership.memberId(),
                        membership.brandId(),
                        request.inviteCode().toUpperCase(Locale.ROOT))
                .map(attribution -> MembershipResponse.of(membership, false, attribution));
    }

    /** Leaves the club: the membership (and number) stays, inactive; offer-service learns the fact is gone. */
    Mono<Void> leave(String memberId, String brandId) {
        Instant now = clock.instant();
        return mongo.findAndModify(
                        Query.query(where("memberId")
                                .is(memberId)
                                .and("brandId")
                                .is(brandId)
                                .and("status")
                                .is(MembershipStatus.ACTIVE)),
                        new Update()
                                .set("status", MembershipStatus.LEFT)
                                .set("leftAt", now)
                                .push("outbox", OfferCall.fact(memberId, brandId, CLUB_MEMBER_FACT, false, now)),
                        Membership.class)
                .switchIfEmpty(Mono.error(() -> notAMember(brandId)))
                .then();
    }

    Mono<MembershipResponse> current(String memberId, String brandId) {
        return activeMembership(memberId, brandId).map(membership -> MembershipResponse.of(membership, true, null));
    }

    /** The member card; the tier is best effort and never fails the card. */
    Mono<CardResponse> card(String memberId, String brandId) {
        return activeMembership(memberId, brandId)
                .zipWith(brands.requireBrand(brandId))
                .flatMap(found -> {
                    Membership membership = found.getT1();
                    BrandRef brand = found.getT2();
                    String payload = qrPayload(membership);
                    return offers.tier(memberId, brandId)
                            .map(tier -> new CardResponse(
                                    brandId,
                                    brand.name(),
                                    membership.memberNumber(),
                                    membership.joinedAt(),
                                    tier.orElse(null),
                                    tier.isPresent(),
                                    payload,
                                    QrCodes.svgDataUrl(payload)));
                });
    }

    Mono<String> cardQrSvg(String memberId, String brandId) {
        return activeMembership(memberId, brandId).map(membership -> QrCodes.svg(qrPayload(membership)));
    }

    private static String qrPayload(Membership membership) {
        return "quanzi:member:" + membership.brandId() + ":" + membership.memberNumber();
    }

    private Mono<Membership> activeMembership(String memberId, String brandId) {
        return membership(memberId, brandId)
                .filter(membership -> membership.status() == MembershipStatus.ACTIVE)
                .switchIfEmpty(Mono.error(() -> notAMember(brandId)));
    }

    private Mono<Membership> membership(String memberId, String brandId) {
        return mongo.findOne(
                Query.query(where("memberId").is(memberId).and("brandId").is(brandId)), Membership.class);
    }

    private static Problem notAMember(String brandId) {
        return Problem.notFound("not-a-club-member", "You are not a member of brand '" + brandId + "''s club.");
    }

    /** The next member number of a brand: one atomic {@code $inc} on the brand's counter document. */
    Mono<Long> nextMemberNumber(String brandId) {
        return mongo.findAndModify(
                        Query.query(where("_id").is(brandId)),
                        new Update().inc("last", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class,
                        COUNTERS)
                .map(counter -> ((Number) counter.get("last")).longValue());
    }

    @Override
    public Mono<Long> activeMemberNumber(String memberId, String brandId) {
        return membership(memberId, brandId)
                .filter(membership -> membership.status() == MembershipStatus.ACTIVE)
                .map(Membership::memberNumber);
    }

    @Override
    public Mono<Long> memberCount(String brandId) {
        return mongo.count(Query.query(where("brandId").is(brandId)), Membership.class);
    }

    /** The member's memberships for the data export. */
    public Mono<Map<String, Object>> export(String memberId) {
        return mongo.find(Query.query(where("memberId").is(memberId)), Membership.class)
                .map(membership -> MembershipResponse.of(membership, true, null))
                .collectList()
                .map(list -> Map.of("memberships", list));
    }

    /**
     * Unlinks the memberships from the person: member numbers stay taken (numbers are never
     * reused), the member id becomes the pseudonym, the status ERASED.
     */
    public Mono<Void> anonymize(String memberId, String pseudonym) {
        Instant now = clock.instant();
        return mongo.find(Query.query(where("memberId").is(memberId)), Membership.class)
                .concatMap(membership -> {
                    Update update = new Update().set("memberId", pseudonym).set("status", MembershipStatus.ERASED);
                    if (membership.status() == MembershipStatus.ACTIVE) {
                        update.set("leftAt", now)
                                .push(
                                        "outbox",
                                        OfferCall.fact(memberId, membership.brandId(), CLUB_MEMBER_FACT, false, now));
                    }
                    return mongo.updateFirst(Query.query(where("_id").is(membership.id())), update, Membership.class);
                })
                .then();
    }
}
