package io.quanzi.community.checkin;

import io.quanzi.community.client.DownstreamFailure;
import io.quanzi.community.client.EarnRequest;
import io.quanzi.community.client.MemberClient;
import io.quanzi.community.client.OfferClient;
import io.quanzi.platform.outbox.OutboxEntry;
import io.quanzi.platform.outbox.OutboxHandler;
import io.quanzi.platform.outbox.OutboxResult;
import io.quanzi.platform.outbox.OutboxSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * The effects of a check-in in other services, as entries of the check-in's outbox (platform relay): the attendance
 * points (offer-service, keyed {@code checkin:{eventId}:{memberId}}), the fact {@code attended-event:{eventId}}
 * (offer-service), and for the member's first check-in at the brand the referral milestone {@code FIRST_CHECK_IN}
 * (member-service, keyed {@code first-checkin:{brandId}:{memberId}}; SKIPPED for later check-ins). Repeats after a
 * lost acknowledgement are harmless: every write carries its idempotency key.
 */
@Configuration(proxyBeanMethods = false)
class CheckInDeliveries {

    static final String POINTS = "checkin-points";
    static final String FACT = "checkin-fact";
    static final String MILESTONE = "checkin-milestone";

    /** The entries a new check-in carries. */
    static List<OutboxEntry> of(
            String eventId, String memberId, String brandId, String checkInId, int attendPoints, Instant now) {
        String pointsKey = "checkin:" + eventId + ":" + memberId;
        List<OutboxEntry> entries = new ArrayList<>();
        OutboxEntry points = OutboxEntry.of(
                pointsKey, POINTS, Map.of("memberId", memberId, "brandId", brandId, "points", attendPoints), now);
        // An event without attend points awards none: the entry is settled as SKIPPED from the start.
        entries.add(
                attendPoints > 0
                        ? points
                        : new OutboxEntry(
                                pointsKey,
                                POINTS,
                                points.payload(),
                                OutboxEntry.State.SKIPPED,
                                0,
                                now,
                                null,
                                now,
                                now));
        entries.add(OutboxEntry.of(
                "attended-event:" + eventId,
                FACT,
                Map.of("memberId", memberId, "brandId", brandId, "fact", "attended-event:" + eventId),
                now));
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("memberId", memberId);
        milestone.put("brandId", brandId);
        milestone.put("checkInId", checkInId);
        milestone.put("sourceRef", pointsKey);
        entries.add(OutboxEntry.of("first-checkin:" + brandId + ":" + memberId, MILESTONE, milestone, now));
        return entries;
    }

    @Bean
    OutboxSource checkInOutbox() {
        return new OutboxSource("checkins");
    }

    @Bean
    OutboxHandler checkInPointsHandler(OfferClient offers) {
        return handler(
                POINTS,
                entry -> DownstreamFailure.outcome(offers.earn(new EarnRequest(
                        entry.key(),
                        entry.text("memberId"),
                        entry.text("brandId"),
                        EarnRequest.Activity.CHECK_IN,
                        entry.key(),
                        entry.number("points").intValue()))));
    }

    @Bean
    OutboxHandler checkInFactHandler(OfferClient offers) {
        return handler(
                FACT,
                entry -> DownstreamFailure.outcome(
                        offers.pushFact(entry.text("memberId"), entry.text("brandId"), entry.text("fact"), true)));
    }

    @Bean
    OutboxHandler checkInMilestoneHandler(MemberClient members, FirstCheckIns firsts, ReactiveMongoTemplate mongo) {
        return handler(MILESTONE, entry -> firstAtBrand(entry, firsts, mongo)
                .flatMap(first -> first
                        ? DownstreamFailure.outcome(members.referralMilestone(
                                entry.key(),
                                entry.text("memberId"),
                                entry.text("brandId"),
                                "FIRST_CHECK_IN",
                                entry.text("sourceRef")))
                        : Mono.just(OutboxResult.skipped("not the member's first check-in at the brand"))));
    }

    /**
     * The member's earliest check-in at the brand (by scan time, then id) is the first attendance: read from its
     * marker ({@link FirstCheckIns}); check-ins recorded before markers existed are looked up among all check-ins.
     */
    private static Mono<Boolean> firstAtBrand(OutboxEntry entry, FirstCheckIns firsts, ReactiveMongoTemplate mongo) {
        String brandId = entry.text("brandId");
        String memberId = entry.text("memberId");
        String checkInId = entry.text("checkInId");
        return firsts.firstOf(brandId, memberId).map(checkInId::equals).switchIfEmpty(Mono.defer(() -> {
            Query earliest = Query.query(Criteria.where(CheckIn.BRAND_ID)
                            .is(brandId)
                            .and(CheckIn.MEMBER_ID)
                            .is(memberId))
                    .with(Sort.by(CheckIn.CHECKED_IN_AT, "_id"))
                    .limit(1);
            return mongo.findOne(earliest, CheckIn.class)
                    .map(first -> first.id().equals(checkInId))
                    .defaultIfEmpty(false);
        }));
    }

    private static OutboxHandler handler(String kind, Function<OutboxEntry, Mono<OutboxResult>> deliver) {
        return OutboxHandler.of(kind, false, deliver);
    }
}
