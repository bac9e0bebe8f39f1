package io.quanzi.community.community;

import io.quanzi.community.client.DownstreamFailure;
import io.quanzi.community.client.OfferClient;
import io.quanzi.platform.outbox.OutboxEntry;
import io.quanzi.platform.outbox.OutboxHandler;
import io.quanzi.platform.outbox.OutboxSource;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;

/**
 * The membership facts offer-service targets offers by: {@code community:{id}} for every community, plus {@code
 * core-group:{id}} for a core group, present or absent as the membership changed. One outbox entry per change, in
 * the membership's own document; an ordered kind, so an "absent" never overtakes the "present" before it. Pushing a
 * fact is idempotent, so a repeat after a crash is harmless.
 */
@Configuration(proxyBeanMethods = false)
class MembershipFacts {

    static final String KIND = "membership-fact";

    static OutboxEntry entry(Community community, String memberId, boolean present, Instant now) {
        return OutboxEntry.unique(
                KIND,
                Map.of(
                        "memberId",
                        memberId,
                        "brandId",
                        community.brandId(),
                        "communityId",
                        community.id(),
                        "coreGroup",
                        community.kind() == CommunityKind.CORE_GROUP,
                        "present",
                        present),
                now);
    }

    /** Queues the fact (present or absent) in the membership's own outbox, in the same update as the change. */
    static void queue(Update update, Community community, String memberId, boolean present, Instant now) {
        update.push(OutboxEntry.FIELD, entry(community, memberId, present, now));
    }

    @Bean
    OutboxSource membershipOutbox() {
        return new OutboxSource(CommunityMembership.COLLECTION);
    }

    @Bean
    OutboxHandler membershipFactHandler(OfferClient offers) {
        return OutboxHandler.of(KIND, true, entry -> {
            String communityId = entry.text("communityId");
            Flux<String> facts = entry.flag("coreGroup")
                    ? Flux.just("community:" + communityId, "core-group:" + communityId)
                    : Flux.just("community:" + communityId);
            return DownstreamFailure.outcome(facts.concatMap(fact ->
                            offers.pushFact(entry.text("memberId"), entry.text("brandId"), fact, entry.flag("present")))
                    .then());
        });
    }
}
