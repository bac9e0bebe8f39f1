package io.quanzi.community.community;

import io.quanzi.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Running a community: the brand's admins edit it; its moderators and the brand's admins list its members. */
@RestController
@RequestMapping("/api/communities")
class CommunityAdminController {

    private final CommunityAdministration administration;

    CommunityAdminController(CommunityAdministration administration) {
        this.administration = administration;
    }

    @PatchMapping("/{communityId}")
    Mono<CommunitySummary> edit(
            JwtAuthenticationToken auth, @PathVariable String communityId, @Valid @RequestBody CommunityEdit edit) {
        return administration.edit(Caller.of(auth), communityId, edit);
    }

    @GetMapping("/{communityId}/members")
    Mono<CommunityMemberList> members(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @RequestParam(required = false) MembershipStatus status,
            @RequestParam(required = false) CommunityRole role,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return administration.members(Caller.of(auth), communityId, status, role, cursor, limit);
    }
}
