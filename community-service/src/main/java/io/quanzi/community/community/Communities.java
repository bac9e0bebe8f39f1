package io.quanzi.community.community;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creating and listing a brand's communities. */
@Service
class Communities {

    private final ReactiveMongoTemplate mongo;
    private final CommunityMemberships memberships;
    private final Clock clock;

    Communities(ReactiveMongoTemplate mongo, CommunityMemberships memberships, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Mono<CommunitySummary> create(Caller caller, CreateCommunityRequest request) {
        if (!caller.administers(request.brandId())) {
            return Mono.error(CommunityProblem.forbidden(
                    "not-brand-admin", "Only an admin of brand '" + request.brandId() + "' creates its communities."));
        }
        JoinPolicy policy = request.kind() == CommunityKind.CORE_GROUP ? JoinPolicy.INVITE_ONLY : request.joinPolicy();
        Community community = new Community(
                null,
                request.brandId(),
                request.name().strip(),
                request.description(),
                request.kind(),
                policy,
                request.tags() == null ? List.of() : List.copyOf(request.tags()),
                request.coverImageUrl(),
                request.sizeCap(),
                0,
                caller.memberId(),
                clock.instant());
        return mongo.insert(community).map(CommunitySummary::of);
    }

    Mono<CommunitySummary> get(Caller caller, String communityId) {
        return memberships
                .community(communityId)
                .filterWhen(community -> visibleTo(community, caller))
                .switchIfEmpty(Mono.error(CommunityProblem.communityNotFound()))
                .map(CommunitySummary::of);
    }

    Flux<CommunitySummary> list(Caller caller, String brandId) {
        Query query = Query.query(Criteria.where("brandId").is(brandId)).with(Sort.by("createdAt"));
        return mongo.find(query.limit(200), Community.class)
                .filterWhen(community -> visibleTo(community, caller))
                .map(CommunitySummary::of);
    }

    /**
     * An invitation-only community (a core-fan group is cultivated on purpose) is shown only to its brand's admins and
     * to members it knows: invited, applied, active, or once a member. To anyone else it does not exist (404).
     */
    private Mono<Boolean> visibleTo(Community community, Caller caller) {
        if (community.joinPolicy() != JoinPolicy.INVITE_ONLY || caller.administers(community.brandId())) {
            return Mono.just(true);
        }
        return memberships.membership(community.id(), caller.memberId()).hasElement();
    }
}
