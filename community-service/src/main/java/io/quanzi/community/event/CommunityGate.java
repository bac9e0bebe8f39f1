package io.quanzi.community.event;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place that decides whether a member may join an event restricted to a community: only active members of
 * that community may. Until the communities feature is merged there is nobody to ask, so restricted events refuse
 * every RSVP (fail closed) rather than let anyone in.
 */
@Component
class CommunityGate {

    Mono<Void> requireMember(String communityId, String memberId) {
        return Mono.error(new EventProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "community-check-unavailable",
                "This event is for members of community '" + communityId
                        + "', and community memberships cannot be checked yet."));
    }
}
