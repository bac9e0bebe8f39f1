package io.quanzi.community.admin;

import io.quanzi.community.admin.MemberCommunities.MemberCommunity;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import io.quanzi.platform.web.Ids;
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
        Ids.requireId("brandId", brandId);
        Ids.requireId("memberId", memberId);
        if (!Caller.of(auth).isBrandAdminOf(brandId)) {
            return Mono.error(Problem.notBrandAdminOf(brandId));
        }
        return communities.of(brandId, memberId);
    }
}
