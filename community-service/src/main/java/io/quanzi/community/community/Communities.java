package io.quanzi.community.community;

import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    Communities(ReactiveMongoTemplate mongo, CommunityMemberships memberships, Clock clock) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.clock = clock;
    }

    Mono<CommunitySummary> create(Caller caller, CreateCommunityRequest request) {
        if (!caller.isBrandAdminOf(request.brandId())) {
            return Mono.error(Problem.forbidden(
                    ProblemTypes.NOT_BRAND_ADMIN_OF_BRAND_SLUG,
                    "Only an admin of brand '" + request.brandId() + "' creates its communities."));
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
                caller.subject(),
                clock.instant());
        return mongo.insert(community).map(CommunitySummary::of);
    }

    Mono<CommunitySummary> get(Caller caller, String communityId) {
        return memberships
                .community(communityId)
                .filterWhen(community -> visibleTo(community, caller))
                .switchIfEmpty(Mono.error(Problem.notFound("There is no such community.")))
                .map(CommunitySummary::of);
    }

    Flux<CommunitySummary> list(Caller caller, String brandId) {
        Query query = Query.query(Criteria.where("brandId").is(brandId)).with(Sort.by("createdAt"));
        return mongo.find(query.limit(200), Community.class).collectList().flatMapMany(communities -> {
            List<String> hidden = communities.stream()
                    .filter(community -> hiddenByDefault(community, caller))
                    .map(Community::id)
                    .toList();
            // One query for the caller's memberships in every invitation-only community of the list.
            Mono<Set<String>> known = hidden.isEmpty()
                    ? Mono.just(Set.of())
                    : mongo.find(
                                    Query.query(Criteria.where("communityId")
                                            .in(hidden)
                                            .and("memberId")
                                            .is(caller.subject())),
                                    CommunityMembership.class)
                            .map(CommunityMembership::communityId)
                            .collect(Collectors.toSet());
            return known.flatMapMany(visible -> Flux.fromIterable(communities)
                    .filter(community -> !hiddenByDefault(community, caller) || visible.contains(community.id()))
                    .map(CommunitySummary::of));
        });
    }

    /**
     * An invitation-only community (a core-fan group is cultivated on purpose) is shown only to its brand's admins and
     * to members it knows: invited, applied, active, or once a member. To anyone else it does not exist (404).
     */
    private Mono<Boolean> visibleTo(Community community, Caller caller) {
        if (!hiddenByDefault(community, caller)) {
            return Mono.just(true);
        }
        return memberships.membership(community.id(), caller.subject()).hasElement();
    }

    private static boolean hiddenByDefault(Community community, Caller caller) {
        return community.joinPolicy() == JoinPolicy.INVITE_ONLY && !caller.isBrandAdminOf(community.brandId());
    }
}
