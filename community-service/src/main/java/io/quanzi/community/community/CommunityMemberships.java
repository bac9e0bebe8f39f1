package io.quanzi.community.community;

import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read-only questions other features ask about communities and their members. */
@Component
public class CommunityMemberships {

    private final ReactiveMongoTemplate mongo;

    CommunityMemberships(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether the member is an active member of the community (false for unknown communities). */
    public Mono<Boolean> isActiveMember(String communityId, String memberId) {
        if (communityId == null || memberId == null) {
            return Mono.just(false);
        }
        return mongo.exists(
                Query.query(Criteria.where("communityId")
                        .is(communityId)
                        .and("memberId")
                        .is(memberId)
                        .and("status")
                        .is(MembershipStatus.ACTIVE)),
                CommunityMembership.class);
    }

    /** The caller's standing in a community; a 404 problem if the community does not exist. */
    public Mono<CommunityAccess> access(String communityId, Caller caller) {
        return community(communityId).flatMap(community -> membership(communityId, caller.subject())
                .map(membership -> access(community, caller, membership.status(), membership.role()))
                .defaultIfEmpty(access(community, caller, null, null)));
    }

    /** The community's summary; a 404 problem if it does not exist. */
    public Mono<CommunitySummary> summary(String communityId) {
        return community(communityId).map(CommunitySummary::of);
    }

    /** Members who joined (became active) in a time range, with the share their join is attributed to. */
    public Flux<Join> joins(String brandId, String communityId, Instant from, Instant to) {
        Criteria criteria =
                Criteria.where("brandId").is(brandId).and("joinedAt").gte(from).lt(to);
        if (communityId != null) {
            criteria = criteria.and("communityId").is(communityId);
        }
        return mongo.find(Query.query(criteria), CommunityMembership.class)
                .map(m -> new Join(m.communityId(), m.memberId(), m.joinedAt(), m.viaShare(), m.viaSharer()));
    }

    /** The brand's communities with their current sizes. */
    public Flux<CommunitySummary> communitiesOf(String brandId) {
        return mongo.find(Query.query(Criteria.where("brandId").is(brandId)), Community.class)
                .map(CommunitySummary::of);
    }

    /** A join: who, where, when, and which share (and sharer) led to it, if any. */
    public record Join(String communityId, String memberId, Instant joinedAt, String viaShare, String viaSharer) {}

    Mono<Community> community(String communityId) {
        if (communityId == null || !communityId.matches("[0-9a-f]{24}")) {
            return Mono.error(Problem.notFound("There is no such community."));
        }
        return mongo.findById(communityId, Community.class)
                .switchIfEmpty(Mono.error(Problem.notFound("There is no such community.")));
    }

    Mono<CommunityMembership> membership(String communityId, String memberId) {
        return mongo.findOne(
                Query.query(Criteria.where("communityId")
                        .is(communityId)
                        .and("memberId")
                        .is(memberId)),
                CommunityMembership.class);
    }

    static CommunityAccess access(Community community, Caller caller, MembershipStatus status, CommunityRole role) {
        return new CommunityAccess(
                community.id(),
                community.brandId(),
                community.name(),
                community.kind(),
                community.joinPolicy(),
                caller.subject(),
                status,
                role,
                caller.isBrandAdminOf(community.brandId()),
                caller.isMember());
    }
}
