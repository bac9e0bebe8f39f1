package io.quanzi.community.community;

import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import java.util.EnumSet;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The communities of a brand a caller moderates: all of them for the brand's admins, else those where the caller is
 * an active leader or moderator. A 403 problem when there are none, so a plain member learns nothing.
 */
@Component
public class ModeratedCommunities {

    private final ReactiveMongoTemplate mongo;

    ModeratedCommunities(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<List<CommunitySummary>> of(String brandId, Caller caller) {
        Mono<List<Community>> communities;
        if (caller.isBrandAdminOf(brandId)) {
            communities = mongo.find(Query.query(Criteria.where("brandId").is(brandId)), Community.class)
                    .collectList();
        } else {
            communities = mongo.find(
                            Query.query(Criteria.where("brandId")
                                    .is(brandId)
                                    .and("memberId")
                                    .is(caller.subject())
                                    .and("status")
                                    .is(MembershipStatus.ACTIVE)
                                    .and("role")
                                    .in(EnumSet.of(CommunityRole.LEADER, CommunityRole.MODERATOR))),
                            CommunityMembership.class)
                    .map(CommunityMembership::communityId)
                    .collectList()
                    .flatMap(ids -> ids.isEmpty()
                            ? Mono.just(List.<Community>of())
                            : mongo.find(Query.query(Criteria.where("_id").in(ids)), Community.class)
                                    .collectList());
        }
        return communities.flatMap(found -> found.isEmpty() && !caller.isBrandAdminOf(brandId)
                ? Mono.error(Problem.forbidden(
                        "not-community-moderator",
                        "Only the brand's admins and its communities' leaders and moderators see reported posts."))
                : Mono.just(found.stream().map(CommunitySummary::of).toList()));
    }
}
