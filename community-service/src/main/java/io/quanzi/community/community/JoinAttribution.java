package io.quanzi.community.community;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Finds the share a member arrived through before joining a community, so the join is credited
 * to it. Implemented by the share feature; declared here so admission does not depend on it.
 */
public interface JoinAttribution {

    /** The share behind this join, or empty if the member did not arrive through one recently. */
    Mono<Attribution> attributionFor(String communityId, String memberId, Instant joinedAt);

    /** The share's code and the member who shared it. */
    record Attribution(String shareCode, String sharerId) {}
}
