package io.quanzi.community.admin;

import io.quanzi.community.admin.MemberCommunities.MemberCommunity;
import io.quanzi.community.community.Caller;
import io.quanzi.community.community.CommunityProblem;
import java.util.List;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The communities of one member at a brand, for the brand's admins: the {@code brand-admin} role
 * and the brand in {@code brand_ids}, checked here ({@link Caller#administers}).
 */
@RestController
@RequestMapping("/api/communities/brands/{brandId}/members/{memberId}")
class MemberCommunitiesController {

    private final MemberCommunities communities;

    MemberCommunitiesController(MemberCommunities communities) {
        this.communities = communities;
    }

    @GetMapping("/memberships")
    Mono<List<MemberCommunity>> memberships(
            JwtAuthenticationToken auth, @PathVariable String brandId, @PathVariable String memberId) {
        Caller.requireId(brandId, "brandId");
        Caller.requireId(memberId, "memberId");
        if (!Caller.of(auth).administers(brandId)) {
            return Mono.error(CommunityProblem.forbidden(
                    "not-brand-admin", "Only an admin of brand '" + brandId + "' reads its members' communities."));
        }
        return communities.of(brandId, memberId);
    }
}
