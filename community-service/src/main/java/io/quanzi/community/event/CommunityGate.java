package io.quanzi.community.event;

import io.quanzi.community.community.CommunityMemberships;
import io.quanzi.platform.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place that decides whether a member may join an event restricted to a community: only active members of
 * that community may.
 */
@Component
class CommunityGate {

    private final CommunityMemberships memberships;

    CommunityGate(CommunityMemberships memberships) {
        this.memberships = memberships;
    }

    /** The community must exist and belong to the event's brand (a 404 problem if it does not exist). */
    Mono<Void> requireCommunityOf(String communityId, String brandId) {
        return memberships
                .summary(communityId)
                .flatMap(community -> brandId.equals(community.brandId())
                        ? Mono.empty()
                        : Mono.error(new Problem(
                                HttpStatus.UNPROCESSABLE_ENTITY,
                                "community-of-other-brand",
                                "Community '" + communityId + "' is not a community of brand '" + brandId + "'.")));
    }

    /** Whether the member may take part in an event restricted to {@code communityId} (any member if null). */
    Mono<Boolean> admits(String communityId, String memberId) {
        return communityId == null ? Mono.just(true) : memberships.isActiveMember(communityId, memberId);
    }

    Mono<Void> requireMember(String communityId, String memberId) {
        return admits(communityId, memberId)
                .flatMap(member -> member
                        ? Mono.empty()
                        : Mono.error(new Problem(
                                HttpStatus.FORBIDDEN,
                                "community-members-only",
                                "This event is for active members of community '" + communityId + "' only.")));
    }
}
